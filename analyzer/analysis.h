/* The one entry point every front door calls (the command line, the
 * compiler launcher, the plugin, the language server): one translation
 * unit, with its flags, config and options, in; diagnostics in a sink out.
 * Drivers know nothing of any check; they only choose inputs and print. */
#ifndef CCK_ANALYSIS_H
#define CCK_ANALYSIS_H

#include <stdbool.h>
#include <clang-c/Index.h>
#include <clang-c/CXCompilationDatabase.h>
#include <glib.h>
#include <json-c/json.h>
#include "config.h"
#include "diag.h"

struct cck_request {
	const char *file;		/* the main file, as diagnostics name it */
	const char *dir;		/* working directory of the compile, or NULL */
	const char *const *args;	/* compiler arguments, without the compiler */
	unsigned nargs;
	const struct cck_config *config;	/* or NULL */
	unsigned models;		/* CCK_MODEL_* enabled by the driver */
	GPtrArray *check_globs;		/* char *, applied in order; NULL: all */
	struct CXUnsavedFile *unsaved;	/* editor buffers, or NULL */
	unsigned nunsaved;
	bool verbose;			/* notes on what is skipped and why */
	bool dump_ir;			/* print the IR instead of analyzing */
	bool keep_alive;		/* the process exits next: skip teardown */
	/* -p: the whole program. The posix model's roles apply everywhere
	 * (which code can be cancelled is decided over the whole call graph),
	 * the result carries the TU's facts, and program (second pass) gives
	 * the summaries of other TUs' functions. */
	bool whole_program;
	const struct cck_program *program;
};

struct cck_result {
	struct cck_sink sink;		/* findings, suppressions applied, sorted */
	GString *out;			/* --dump-ir text */
	GString *err;			/* errors and --verbose notes, one per line */
	bool failed;			/* the TU could not be analyzed */
	struct json_object *facts;	/* whole_program: cck_facts_of the TU */
	struct json_object *inputs;	/* whole_program: [file, size, mtime] read */
};

void cck_result_init(struct cck_result *r);
void cck_result_fini(struct cck_result *r);

/* Parses rq->file with rq->args and analyzes it. */
void cck_analyze(CXIndex idx, const struct cck_request *rq, struct cck_result *res);

/* Analyzes a translation unit the caller has parsed (and keeps). */
void cck_analyze_parsed(CXTranslationUnit ctu, const struct cck_request *rq,
			struct cck_result *res);

/* Parses rq->file as cck_analyze does (the same flags), with extra
 * CXTranslationUnit_* options, and hands the TU to the caller even if the
 * code has errors (they are in its diagnostics): a language server keeps
 * it and reparses it. NULL, with res->err saying why, if libclang failed. */
CXTranslationUnit cck_parse(CXIndex idx, const struct cck_request *rq, unsigned options,
			    struct cck_result *res);

/* The compiler arguments of a compile database entry as the analysis takes
 * them: without the compiler, the output, dependency-file options and the
 * source itself (file: absolute; dir: the entry's directory). */
void cck_db_args(CXCompileCommand cmd, const char *file, const char *dir, GPtrArray *out);

/* Whether check is on after applying globs ("*,-cancel-lost-value"). */
bool cck_check_enabled(const char *check, GPtrArray *globs);

/* What the config decides for one file, as a driver of one file at a time
 * (the plugin, the launcher) derives it: the config given, or found upward
 * from file, with its check list validated; and the check globs, the
 * config's list before the driver's. */
struct cck_settings {
	struct cck_config *config;	/* or NULL */
	GPtrArray *globs;		/* char *, not owned */
};

/* 0, or -1 with *err set to one line (g_free it). checks is the driver's
 * list (validated too), or NULL; it must outlive s. */
int cck_settings_load(struct cck_settings *s, const char *file, const char *config_path,
		      const char *checks, char **err);
void cck_settings_fini(struct cck_settings *s);

/* Whether a check list (--checks, or a config's checks:) names only known
 * checks: NULL if so, else one message (g_free it). Names of checks this
 * version does not ship are accepted and, if planned is given, added to it. */
char *cck_check_list_error(const char *list, GPtrArray *planned);

#endif
