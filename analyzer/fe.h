/* The front end's own declarations, shared by its parts (fe_*.c and
 * frontend.c); nothing outside the front end includes this. */
#ifndef CCK_FE_H
#define CCK_FE_H

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include "tu.h"

/* ---- small libclang helpers ------------------------------------------- */

struct kids {
	CXCursor v[8];
	unsigned n;
	GArray *more;		/* when there are more than 8 */
	const struct tnode *node;	/* children straight from the body tree */
};

/* The body of the function being lowered, visited once (one
 * clang_visitChildren with recursion), as a tree: lowering asks for a
 * node's children many times (through casts, conditions, arguments) and a
 * lookup here costs a fraction of another clang_visitChildren.
 * The index from AST node to tree node is a small open-addressing table:
 * GHashTable's per-entry cost showed up as a tenth of the whole analysis
 * on large files, and the keys are plain pointers with a known count. */
struct tnode {
	CXCursor c;
	uint32_t first, next, last, n;	/* children: index + 1, 0 = none */
};

struct tree {
	struct tnode *nodes;
	uint32_t len, cap;
	uint32_t *stack;
	uint32_t depth, stack_cap;
	const void **keys;	/* index: AST pointer ... */
	uint32_t *vals;		/* ... -> node index + 1 */
	uint32_t mask, key_cap;
	bool too_deep;		/* the visit stopped: see stack_low */
};

/* Lambdas met while lowering a function: each is a function of its own,
 * lowered once the enclosing one is done. */
struct pending_lambda {
	CXCursor lambda;
	char *name;		/* "<enclosing>::lambda@<line>:<col>" */
};

struct callee_info {
	cck_sym name;
	bool system;		/* declared in a system header */
	bool noreturn;
	bool cancel_use;	/* its use turns the posix model on */
	bool const_args;	/* its role reads constant arguments */
};

/* ---- the lowering context -------------------------------------------- */

struct loop {
	uint32_t brk, cont;	/* block ids; cont = UINT32_MAX in a switch */
	unsigned scope;		/* scope depth at the loop */
};

struct scoped_cleanup {
	unsigned scope;
	uint32_t cleanup;	/* index in func->cleanups */
	bool clframe;		/* glibc's -fexceptions pthread_cleanup_push */
};

struct pending_goto {
	uint32_t block;
	cck_sym label;
};

struct lower {
	struct cck_tu *tu;
	struct cck_func *f;
	struct cck_block *cur;	/* NULL: unreachable code */
	GHashTable *labels;	/* label sym -> block id + 1 */
	GArray *gotos;		/* struct pending_goto */
	GArray *loops;		/* struct loop */
	GArray *switches;	/* uint32_t dispatch block id */
	GArray *scoped;		/* struct scoped_cleanup */
	unsigned scope;
	GHashTable *subst;	/* local sym -> key text it was initialized from */
	GHashTable *locals;	/* sym set */
	GHashTable *frame;	/* sym -> 1: a local in the frame (not static),
				 * 2: ...an array; filled as declarations are met */
	unsigned ntemp;
	/* glibc's pthread_cleanup_push expansion */
	struct cck_block *last_branch;	/* the block fe_branch() closed last */
	cck_sym push_routine;
	struct cck_arg push_arg;
	bool have_push_arg;
	GArray *push_stack;	/* uint32_t cleanup index */
	int32_t last_popped;
	int64_t clframe_do_it;	/* pthread_cleanup_pop's execute argument */
	uint32_t clframe_pop_raw;	/* ...and where it was written */
	bool substituted;	/* the last key rendered used a substitution */
	GHashTable *globals_read;	/* sym set: file-scope variables used */
	bool starting;		/* lowering a thread's start routine argument: it
				 * runs on the new thread, not on this one */
	bool too_deep;		/* nested deeper than the stack allows */
	CXCursor stmt_expr;	/* the expression statement being lowered:
				 * its value is dropped */
	struct cck_arg ctor_this;	/* the object the next constructor call
					 * builds ("T v(...)": v), or none */
};

/* ---- expressions ------------------------------------------------------ */

/* The value of a lowered expression, as far as the analysis follows it. */
struct opnd {
	cck_sym var;		/* a variable or temporary holding it */
	bool is_const;
	int64_t k;
	bool addr_of;		/* &var */
	bool lit;		/* a literal not evaluated yet (lit_c) */
	bool plain;		/* var is exactly the expression (a DeclRefExpr) */
	CXCursor lit_c;
	int32_t call_ev;	/* index in cur block of the CALL producing var */
	struct cck_block *call_block;
};

static const struct opnd opaque = { .call_ev = -1 };

/* fe_ast.c */
extern __thread GString *fe_key_buf;
extern GPrivate fe_thread_buffers;
extern __thread struct tree *fe_body_tree;
void fe_stack_floor_init(void);
bool fe_stack_low(void);
void fe_tree_build(struct tree *t, CXCursor body);
void fe_tree_free(struct tree *t);
void fe_kids_get(CXCursor c, struct kids *k);
CXCursor fe_kid(const struct kids *k, unsigned i);
void fe_kids_free(struct kids *k);
extern __thread bool fe_lower_cxx;
extern __thread GArray *fe_pending_lambdas;
bool fe_starts_with_word(CXCursor c, const char *const *words);
/* The spellings of the first max tokens of r (g_ptr_array_free them). */
GPtrArray *fe_tokens(CXTranslationUnit tu, CXSourceRange r, unsigned max);
int fe_suspend_expr(CXCursor c);
CXCursor fe_strip(CXCursor c);
struct cck_loc fe_loc_of(struct cck_tu *tu, CXCursor c);
struct cck_loc fe_loc_of_end(struct cck_tu *tu, CXCursor body);
cck_sym fe_spelling_sym(struct cck_tu *tu, CXCursor c);
bool fe_is_function_kind(enum CXCursorKind k);
cck_sym fe_qualified_sym(struct cck_tu *tu, CXCursor decl);
cck_sym fe_decl_sym(struct cck_tu *tu, CXCursor decl);
const struct callee_info *fe_callee_of(struct cck_tu *tu, CXCursor ref);
bool fe_eval_int(CXCursor c, int64_t *out);
/* fe_expr.c */
extern __thread GHashTable *fe_guard_cleanups;
bool fe_too_deep(struct lower *L);
struct cck_block *fe_new_block(struct lower *L);
void fe_set_cur(struct lower *L, struct cck_block *b);
struct cck_block *fe_cur(struct lower *L);
void fe_jump(struct lower *L, uint32_t to);
void fe_branch(struct lower *L, cck_sym var, enum cck_cmp op, int64_t k,
	       uint32_t t, uint32_t f);
struct cck_event *fe_emit(struct lower *L, enum cck_ev_kind kind, CXCursor at);
cck_sym fe_temp(struct lower *L);
cck_sym fe_key_of(struct lower *L, CXCursor c, bool subst);
void fe_kill_var(struct lower *L, cck_sym var, CXCursor at);
void fe_lower_children(struct lower *L, CXCursor c);
bool fe_is_noreturn_name(const char *n);
struct cck_arg fe_arg_of(struct lower *L, CXCursor a, struct opnd *o);
uint32_t fe_add_cleanup(struct lower *L, cck_sym handler, struct cck_arg arg,
			CXCursor at, bool on_cancel);
uint32_t fe_scoped_cleanup(struct lower *L, cck_sym handler, struct cck_arg arg,
			   CXCursor at, bool on_cancel, bool clframe);
struct cck_event *fe_emit_call(struct lower *L, CXCursor at, cck_sym callee,
			       const struct cck_arg *args, unsigned n);
int fe_member_object(CXCursor c, CXCursor *obj);
cck_sym fe_object_key(struct lower *L, CXCursor obj, cck_sym key);
struct opnd fe_call(struct lower *L, CXCursor c);
void fe_assign_var(struct lower *L, cck_sym lhs, struct opnd rhs, CXCursor at);
void fe_store_into_place(struct lower *L, struct opnd rhs, CXCursor at);
struct opnd fe_expr(struct lower *L, CXCursor c);
void fe_cond(struct lower *L, CXCursor c, uint32_t t, uint32_t f);
/* fe_cxx.c */
struct opnd fe_coroutine_suspend(struct lower *L, CXCursor c, bool yield);
struct opnd fe_new_delete(struct lower *L, CXCursor c, bool is_new);
cck_sym fe_guard_var(struct lower *L, CXCursor e);
void fe_disarm_guard(struct lower *L, cck_sym g, CXCursor at);
void fe_move_assigned_guard(struct lower *L, cck_sym to, cck_sym from, CXCursor at);
bool fe_lock_guard_decl(struct lower *L, CXCursor d, cck_sym v, CXCursor init);
bool fe_is_ctor_call(CXCursor e);
void fe_object_decl(struct lower *L, CXCursor d, cck_sym v, CXCursor init);
void fe_member_inits(struct lower *L, CXCursor ctor);
bool fe_returns_task(CXCursor fn);
/* fe_stmt.c */
cck_sym fe_function_named_by(struct lower *L, CXCursor e);
void fe_stmt(struct lower *L, CXCursor c);
void fe_lower_function(struct cck_tu *tu, CXCursor fn, CXCursor body, cck_sym name);

#endif
