/* The plugin's driver over the analysis entry point; see driver.h. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "driver.h"
#include "analysis.h"
#include "model.h"

int cck_plugin_model(const char *name)
{
	return cck_model_by_name(name);
}

const char *cck_plugin_model_names(void)
{
	return cck_model_names();
}

bool cck_plugin_may_suspend(const char *main_file, const struct cck_plugin_opts *o,
			    const char *const *names, unsigned n)
{
	struct cck_settings set;
	char *err = NULL;
	if (cck_settings_load(&set, main_file, o->config, o->checks, &err) != 0) {
		g_free(err);
		return true;
	}
	unsigned models = CCK_MODEL_POSIX | CCK_MODEL_URING | o->models |
			  (set.config ? set.config->models : 0);
	bool may = false;
	for (unsigned i = 0; i < n && !may; i++) {
		const struct cck_role *r = set.config ?
			g_hash_table_lookup(set.config->functions, names[i]) : NULL;
		if (!r)
			r = cck_model_role(models, names[i]);
		/* a finding needs a suspend point, a lend, a result that
		 * must be used, or a coroutine started here */
		may = r && (r->suspends || r->lends_async || r->lends_fd >= 0 || r->must_use ||
			    r->coroutine_body >= 0);
	}
	cck_settings_fini(&set);
	return may;
}

/* The main file by the name libclang gives it in the loaded AST (the AST
 * records absolute paths), so the front end knows which functions are the
 * file's own. */
static char *name_in_ast(CXTranslationUnit ctu, const char *main_file)
{
	char *abs = g_canonicalize_filename(main_file, NULL);
	CXFile f = clang_getFile(ctu, abs);
	if (!f)
		return abs;
	CXString s = clang_getFileName(f);
	char *r = g_strdup(clang_getCString(s));
	clang_disposeString(s);
	g_free(abs);
	return r;
}

int cck_plugin_analyze(const char *ast, const char *main_file,
		       const struct cck_plugin_opts *o,
		       void (*emit)(void *ctx, const struct cck_diag *d, bool as_error),
		       void *ctx,
		       char **err, char **notes)
{
	*err = NULL;
	if (notes)
		*notes = NULL;
	char *bad = o->checks ? cck_check_list_error(o->checks, NULL) : NULL;
	if (bad) {
		*err = g_strdup_printf("-fplugin-arg-cancelcheck-checks: %s", bad);
		g_free(bad);
		return -1;
	}
	struct cck_settings set;
	if (cck_settings_load(&set, main_file, o->config, o->checks, err) != 0)
		return -1;
	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit ctu = NULL;
	enum CXErrorCode ec = clang_createTranslationUnit2(idx, ast, &ctu);
	int rc = 0;
	if (ec != CXError_Success || !ctu) {
		*err = g_strdup_printf("%s: cannot load the compile's AST (libclang error %d)",
				       main_file, ec);
		rc = -1;
	} else {
		char *file = name_in_ast(ctu, main_file);
		struct cck_request rq = {
			.file = file, .config = set.config, .models = o->models,
			.check_globs = set.globs, .verbose = o->verbose,
		};
		struct cck_result res;
		cck_result_init(&res);
		cck_analyze_parsed(ctu, &rq, &res);
		for (unsigned i = 0; i < res.sink.diags->len; i++) {
			struct cck_diag *d = res.sink.diags->pdata[i];
			/* the main file by the compile's name for it (<stdin> too) */
			if (!strcmp(d->file, file))
				g_free(d->file), d->file = g_strdup(main_file);
			for (unsigned k = 0; k < d->notes->len; k++) {
				struct cck_note *n = &g_array_index(d->notes, struct cck_note, k);
				if (!strcmp(n->file, file))
					g_free(n->file), n->file = g_strdup(main_file);
			}
			emit(ctx, d, o->werror == CCK_PLUGIN_WERROR_ON ||
				     (o->werror == CCK_PLUGIN_WERROR_CONFIG && set.config &&
				      set.config->werror));
		}
		if (notes && res.err->len)
			*notes = g_strdup(res.err->str);
		cck_result_fini(&res);
		g_free(file);
		clang_disposeTranslationUnit(ctu);
	}
	clang_disposeIndex(idx);
	cck_settings_fini(&set);
	return rc;
}
