/* cancelcheck-cc's analysis, in a module of its own
 * (cancelcheck-cc-analysis.so): the launcher loads libclang only when a
 * compile needs the separate analysis, since loading it costs more than
 * many small compiles do. */
#ifndef CCK_LAUNCHER_H
#define CCK_LAUNCHER_H

#include <stdbool.h>

/* Analyzes each source with flags (the compile's, minus its outputs) and
 * the settings in the environment (CANCELCHECK_CHECKS, _MODEL, _CONFIG),
 * printing the findings on stderr as a compiler prints warnings. Returns
 * the number of findings, or -1 after printing one error line for a bad
 * setting. *werror is set if a source's config says werror: true. */
int cck_launcher_analyze(const char *const *sources, unsigned nsources,
			 const char *const *flags, unsigned nflags, bool verbose,
			 bool *werror);
typedef int cck_launcher_analyze_fn(const char *const *, unsigned, const char *const *,
				    unsigned, bool, bool *);

#endif
