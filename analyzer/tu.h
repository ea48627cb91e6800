/* One translation unit under analysis: its strings, lowered functions,
 * roles, summaries and the options that shape them. */
#ifndef CCK_TU_H
#define CCK_TU_H

#include <clang-c/Index.h>
#include "config.h"
#include "ir.h"

struct cck_summary;
struct cck_sink;
struct cck_leak;
struct cck_program;

struct cck_tu {
	struct cck_strtab strs;
	const char *main_file;
	GPtrArray *funcs;		/* struct cck_func *, definitions */
	GHashTable *func_by_name;	/* GUINT_TO_POINTER(sym) -> func */
	GHashTable *decl_roles;		/* sym -> struct cck_role * (annotations) */
	GHashTable *summaries;		/* sym -> struct cck_summary * */
	const struct cck_config *config;
	unsigned models;		/* enabled models (CCK_MODEL_*) */
	bool uses_cancellation;		/* calls pthread_cancel & co: posix on */
	bool saw_cancellation;		/* ...found in the code, not assumed */
	bool exceptions;		/* compiled with -fexceptions */
	bool cxx;			/* C++: coroutines, methods, lock guards */
	bool verbose;
	GString *notes;			/* --verbose: what was skipped and why */
	bool keep_ir;			/* --dump-ir: keep CFGs after analysis */
	/* Analysis while lowering: a function is analyzed (and its CFG
	 * dropped) as soon as every function it calls that the TU defines
	 * has been; the rest waits for cck_analyze_tu. */
	bool incremental;
	GHashTable *defined;		/* sym set: functions the TU defines */
	GHashTable *waiters;		/* callee sym -> GPtrArray of funcs */
	/* Called by the front end for each function it has lowered (set by
	 * the driver to cck_func_lowered; NULL: all are analyzed at the end). */
	void (*lowered)(struct cck_tu *tu, struct cck_func *f);
	void (*leak_fn)(void *ctx, const struct cck_leak *leak);
	void *leak_ctx;
	void *last_file;		/* CXFile of the last location, and its name */
	cck_sym last_file_sym;
	const void *loc_ptr[2];		/* libclang's source manager, for raw locations */
	GHashTable *decl_syms;		/* Decl pointer -> name sym, a cache */
	GHashTable *callee_info;	/* Decl pointer -> struct callee_info * */
	FILE *log;			/* --verbose notes */
	GHashTable *start_routines;	/* sym set: functions threads are started in */
	GHashTable *coro_bodies;	/* sym -> the spawning call's callee sym:
					 * functions run as coroutines */
	GHashTable *main_only;		/* sym set, computed once all is lowered */
	GHashTable *tables;		/* file-scope variable sym -> GArray of the
					 * function syms its initializer names */
	GHashTable *static_vars;	/* sym set: which of those are static */
	GArray *creates;		/* struct cck_create: threads started */
	GHashTable *cancel_fields;	/* sym set: handles pthread_cancel is given
					 * (their last name; "*": unknown) */
	GHashTable *self_cancel;	/* sym set: functions that cancel their
					 * own thread */
	const struct cck_program *program;	/* -p: summaries of other TUs */
};

/* A thread started in routine, its handle stored in a place whose last
 * name is field ("*": unknown): pthread_cancel on a handle of the same
 * name may cancel it. */
struct cck_create {
	cck_sym routine;
	cck_sym field;
};

void cck_tu_init(struct cck_tu *tu);
void cck_tu_fini(struct cck_tu *tu);

/* The explicit role of fn (config, then annotations, then models), or NULL. */
const struct cck_role *cck_tu_role(const struct cck_tu *tu, cck_sym fn);
/* fn's summary: this TU's, or with -p another's; NULL if none. */
const struct cck_summary *cck_tu_summary(struct cck_tu *tu, cck_sym fn);

/* Whether fn runs only on the main thread: main reaches it (by calls or
 * taken addresses) and no thread start routine, static table of
 * callbacks or function other files may call does. */
bool cck_main_thread_only(struct cck_tu *tu, cck_sym fn);

/* Lowers every function definition of the TU outside system headers. */
void cck_lower_tu(struct cck_tu *tu, CXTranslationUnit ctu);

/* Records a lowered function's calls and, in an incremental TU, analyzes
 * every function whose callees are all analyzed. */
void cck_func_lowered(struct cck_tu *tu, struct cck_func *f);

/* Fills file, line and column of a location recorded while lowering; only
 * valid while the translation unit is alive. */
void cck_loc_resolve(struct cck_tu *tu, struct cck_loc *l);

/* Reads cancelcheck annotations and thread-safety/ownership attributes on a
 * function declaration into r; returns true if any was found. */
bool cck_read_annotations(CXCursor fn, struct cck_role *r);
/* A member function with an object (not static): argument 0 of its calls. */
bool cck_has_this(CXCursor fn);
/* Where a macro body spells attribute a: span bytes from there. */
CXSourceRange cck_attr_spelled_range(CXCursor a, unsigned span);

#endif
