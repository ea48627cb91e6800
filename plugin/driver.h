/* The plugin's driver, in C: everything the plugin does but talk to clang.
 * clang's glue (plugin.cpp) serializes the compile's AST; this loads it
 * through libclang and runs the one analysis entry point on it, so the
 * plugin's findings are the command line's by construction. */
#ifndef CCK_PLUGIN_DRIVER_H
#define CCK_PLUGIN_DRIVER_H

#include <stdbool.h>
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

struct cck_plugin_opts {
	const char *checks;	/* -fplugin-arg-cancelcheck-checks=, or NULL */
	unsigned models;	/* CCK_MODEL_* from -fplugin-arg-cancelcheck-model= */
	const char *config;	/* -fplugin-arg-cancelcheck-config=, or NULL: found upward */
	bool verbose;
	/* findings as errors: CCK_PLUGIN_WERROR_ON always, _CONFIG when the
	 * config says werror: true (how cancelcheck-cc runs the plugin) */
	int werror;
};

enum { CCK_PLUGIN_WERROR_OFF, CCK_PLUGIN_WERROR_ON, CCK_PLUGIN_WERROR_CONFIG };

/* CCK_MODEL_* of a model name, or -1; the known names for a message. */
int cck_plugin_model(const char *name);
const char *cck_plugin_model_names(void);

/* Whether a TU whose calls name these functions (direct callees, and the
 * names in indirect callee expressions) could have a suspend point for
 * the settings of main_file: some name has a role that suspends in the
 * config or a built-in model (posix always, posix-strict when enabled).
 * Annotated declarations are the caller's to check. A TU where nothing
 * can suspend has no cancel edge, so no finding: the plugin skips writing
 * and analyzing it. On a bad setting returns true (the analysis reports
 * it). */
bool cck_plugin_may_suspend(const char *main_file, const struct cck_plugin_opts *o,
			    const char *const *names, unsigned n);

/* Analyzes ast, the AST file of main_file this compile wrote, and gives
 * each finding to emit, in order. Returns 0, or -1 with *err set to one
 * line (g_free it): a config or check list that is wrong, an AST file
 * libclang cannot load. *notes gets --verbose-style lines, or NULL. */
int cck_plugin_analyze(const char *ast, const char *main_file,
		       const struct cck_plugin_opts *o,
		       void (*emit)(void *ctx, const struct cck_diag *d, bool as_error),
		       void *ctx,
		       char **err, char **notes);

#ifdef __cplusplus
}
#endif

#endif
