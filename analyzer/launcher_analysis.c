/* cancelcheck-cc's separate analysis (see launcher.h): a driver over the
 * one analysis entry point, loaded by the launcher when it needs it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "analysis.h"
#include "launcher.h"
#include "model.h"

static const char *prog = "cancelcheck-cc";

/* Analyzes one source; returns its number of findings, or -1 on a bad
 * setting (reported). *werror is set if the config asks for it. */
static int analyze_one(CXIndex idx, const char *src, const char *const *flags,
		       unsigned nflags, unsigned models, const char *checks,
		       const char *config, bool verbose, bool *werror)
{
	struct cck_settings set;
	char *err = NULL;
	if (cck_settings_load(&set, src, config, checks, &err) != 0) {
		fprintf(stderr, "%s: error: %s\n", prog, err);
		g_free(err);
		return -1;
	}
	if (set.config && set.config->werror)
		*werror = true;
	struct cck_request rq = {
		.file = src, .args = flags, .nargs = nflags, .config = set.config, .models = models,
		.check_globs = set.globs, .verbose = verbose, .keep_alive = true,
	};
	struct cck_result res;
	cck_result_init(&res);
	cck_analyze(idx, &rq, &res);
	int n = res.sink.diags->len;
	if (res.failed) {
		/* The compiler speaks for itself; say only that nothing was
		 * analyzed, and why, in one line (all of it with verbose). */
		char **lines = g_strsplit(res.err->str, "\n", -1);
		const char *why = NULL;
		for (char **l = lines; *l && !why; l++)
			if (strstr(*l, "error: "))
				why = strstr(*l, "error: ") + 7;
		fprintf(stderr, "%s: warning: %s: not analyzed: %s\n", prog, src,
			why ? why : "libclang could not parse it");
		if (verbose)
			fputs(res.err->str, stderr);
		g_strfreev(lines);
	} else {
		fputs(res.err->str, stderr);
		cck_print_text(stderr, &res.sink, isatty(2));
	}
	/* keep_alive: the process becomes the compiler next */
	cck_settings_fini(&set);
	return n;
}

__attribute__((visibility("default")))
int cck_launcher_analyze(const char *const *sources, unsigned nsources,
			 const char *const *flags, unsigned nflags, bool verbose,
			 bool *werror)
{
	unsigned models = 0;
	const char *ms = getenv("CANCELCHECK_MODEL");
	char **names = g_strsplit(ms ? ms : "", ",", -1);
	for (char **n = names; *n; n++) {
		if (!*g_strstrip(*n))
			continue;
		int m = cck_model_by_name(*n);
		if (m < 0) {
			fprintf(stderr, "%s: error: CANCELCHECK_MODEL: unknown model '%s' "
				"(known: %s)\n", prog, *n, cck_model_names());
			g_strfreev(names);
			return -1;
		}
		models |= m;
	}
	g_strfreev(names);
	const char *checks = getenv("CANCELCHECK_CHECKS");
	if (checks && !*checks)
		checks = NULL;
	char *bad = checks ? cck_check_list_error(checks, NULL) : NULL;
	if (bad) {
		fprintf(stderr, "%s: error: CANCELCHECK_CHECKS: %s\n", prog, bad);
		g_free(bad);
		return -1;
	}
	const char *config = getenv("CANCELCHECK_CONFIG");
	if (config && !*config)
		config = NULL;
	if (config && access(config, R_OK) != 0) {
		fprintf(stderr, "%s: error: CANCELCHECK_CONFIG: %s: %s\n", prog, config,
			strerror(errno));
		return -1;
	}
	CXIndex idx = clang_createIndex(0, 0);
	int findings = 0;
	for (unsigned i = 0; i < nsources; i++) {
		if (access(sources[i], R_OK) != 0)
			continue;	/* the compiler will say so */
		int n = analyze_one(idx, sources[i], flags, nflags, models, checks, config,
				    verbose, werror);
		if (n < 0)
			return -1;
		findings += n;
	}
	/* no teardown: the process becomes the compiler next */
	return findings;
}
