/* Front end: lowers libclang's AST of each function body into the IR. */
#define _GNU_SOURCE	/* pthread_getattr_np */
#include <assert.h>
#include <pthread.h>
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

/* The buffers of the last tree, reused by the next function's. */
static __thread struct tree spare;
/* Reused: keys are rendered one at a time. */
static __thread GString *key_buf;

/* A thread's buffers go when the thread ends (the -j workers, the
 * language server's): glib runs this on each thread that set it. */
static void thread_buffers_free(gpointer unused)
{
	g_free(spare.nodes);
	g_free(spare.stack);
	g_free(spare.keys);
	g_free(spare.vals);
	memset(&spare, 0, sizeof spare);
	if (key_buf)
		g_string_free(key_buf, TRUE);
	key_buf = NULL;
}

static GPrivate thread_buffers = G_PRIVATE_INIT(thread_buffers_free);

static __thread struct tree *body_tree;

static const void *tree_key(CXCursor c)
{
	/* clang_isExpression/isStatement, without the calls */
	if ((c.kind >= CXCursor_FirstExpr && c.kind <= CXCursor_LastExpr) ||
	    (c.kind >= CXCursor_FirstStmt && c.kind <= CXCursor_LastStmt))
		return c.data[1];
	if (c.kind == CXCursor_VarDecl)
		return c.data[0];
	return NULL;
}

static uint32_t slot_of(const struct tree *t, const void *key)
{
	uintptr_t h = (uintptr_t)key;
	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ull;
	uint32_t i = (uint32_t)(h >> 32) & t->mask;
	while (t->keys[i] && t->keys[i] != key)
		i = (i + 1) & t->mask;
	return i;
}

static uint32_t tree_add(struct tree *t, CXCursor c)
{
	if (t->len == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->nodes = g_renew(struct tnode, t->nodes, t->cap);
	}
	t->nodes[t->len] = (struct tnode){ c, 0, 0, 0, 0 };
	return t->len++;
}

static bool same_cursor(CXCursor a, CXCursor b)
{
	return a.kind == b.kind && a.data[0] == b.data[0] && a.data[1] == b.data[1] &&
	       a.data[2] == b.data[2];
}

/* Lowering recurses as deep as statements and expressions nest, and clang
 * accepts nesting (a + a + ... or else-if chains thousands long) far
 * deeper than a thread's stack lets us follow. Below this address, the
 * function is given up rather than the process. */
static __thread char *stack_floor;

static void stack_floor_init(void)
{
	pthread_attr_t a;
	void *lo;
	size_t size;
	if (stack_floor || pthread_getattr_np(pthread_self(), &a))
		return;
	/* an eighth (at least 512 KiB) is kept for libclang's calls beneath us */
	if (!pthread_attr_getstack(&a, &lo, &size))
		stack_floor = (char *)lo + (size / 8 > 512 * 1024 ? size / 8 : 512 * 1024);
	pthread_attr_destroy(&a);
}

/* The real frame: under ASan, locals may live on a fake stack. */
static bool stack_low(void)
{
	return (char *)__builtin_frame_address(0) < stack_floor;
}

static enum CXChildVisitResult tree_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct tree *t = d;
	if (stack_low()) {	/* libclang's visitor recurses too */
		t->too_deep = true;
		return CXChildVisit_Break;
	}
	while (t->depth > 1 && !same_cursor(t->nodes[t->stack[t->depth - 1]].c, parent))
		t->depth--;
	uint32_t p = t->stack[t->depth - 1];
	uint32_t i = tree_add(t, c);
	struct tnode *pn = &t->nodes[p];
	if (pn->last)
		t->nodes[pn->last - 1].next = i + 1;
	else
		pn->first = i + 1;
	pn->last = i + 1;
	pn->n++;
	if (t->depth == t->stack_cap) {
		t->stack_cap *= 2;
		t->stack = g_renew(uint32_t, t->stack, t->stack_cap);
	}
	t->stack[t->depth++] = i;
	/* sizeof/alignof operands are not evaluated: lowering never looks;
	 * a lambda's body is a function of its own (and libclang names its
	 * statements' parent as the lambda's operator(), not in this tree) */
	return c.kind == CXCursor_UnaryExpr || c.kind == CXCursor_LambdaExpr
		? CXChildVisit_Continue : CXChildVisit_Recurse;
}

static void tree_build(struct tree *t, CXCursor body)
{
	*t = spare;
	t->len = t->depth = 0;
	t->too_deep = false;
	if (!t->stack) {
		t->stack_cap = 64;
		t->stack = g_new(uint32_t, t->stack_cap);
		g_private_set(&thread_buffers, GINT_TO_POINTER(1));
	}
	t->stack[t->depth++] = tree_add(t, body);
	clang_visitChildren(body, tree_visit, t);
	uint32_t size = 16;
	while (size < t->len * 2)
		size *= 2;
	t->mask = size - 1;
	if (size > t->key_cap) {
		g_free(t->keys);
		g_free(t->vals);
		t->keys = g_new(const void *, size);
		t->vals = g_new(uint32_t, size);
		t->key_cap = size;
	}
	memset(t->keys, 0, size * sizeof t->keys[0]);
	for (uint32_t i = 0; i < t->len; i++) {
		const void *key = tree_key(t->nodes[i].c);
		if (!key)
			continue;
		uint32_t sl = slot_of(t, key);
		t->keys[sl] = key;
		t->vals[sl] = i + 1;
	}
}

static void tree_free(struct tree *t)
{
	spare = *t;	/* keep the buffers for the next function */
}

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kids *k = d;
	if (k->n < 8) {
		k->v[k->n++] = c;
		return CXChildVisit_Continue;
	}
	if (!k->more) {
		k->more = g_array_new(FALSE, FALSE, sizeof(CXCursor));
		g_array_append_vals(k->more, k->v, 8);
	}
	g_array_append_val(k->more, c);
	k->n++;
	return CXChildVisit_Continue;
}

static void kids_get(CXCursor c, struct kids *k)
{
	k->n = 0;
	k->more = NULL;
	k->node = NULL;
	const struct tree *t = body_tree;
	const void *key = t ? tree_key(c) : NULL;
	uint32_t sl = key ? slot_of(t, key) : 0;
	if (key && t->keys[sl]) {
		const struct tnode *n = &t->nodes[t->vals[sl] - 1];
		if (same_cursor(n->c, c)) {
			k->n = n->n;
			k->node = n;
			if (n->n > 8)
				k->more = g_array_sized_new(FALSE, FALSE, sizeof(CXCursor), n->n);
			uint32_t i = 0;
			for (uint32_t j = n->first; j; j = t->nodes[j - 1].next, i++) {
				if (k->more)
					g_array_append_val(k->more, t->nodes[j - 1].c);
				else
					k->v[i] = t->nodes[j - 1].c;
			}
			return;
		}
	}
	clang_visitChildren(c, collect, k);
}

static CXCursor kid(const struct kids *k, unsigned i)
{
	return k->more ? g_array_index(k->more, CXCursor, i) : k->v[i];
}

static void kids_free(struct kids *k)
{
	if (k->more)
		g_array_free(k->more, TRUE);
}

/* Expressions wrapped in parens and implicit or explicit casts. */
/* The TU being lowered is C++ (set by cck_lower_tu). */
static __thread bool lower_cxx;

/* Lambdas met while lowering a function: each is a function of its own,
 * lowered once the enclosing one is done. */
struct pending_lambda {
	CXCursor lambda;
	char *name;		/* "<enclosing>::lambda@<line>:<col>" */
};
static __thread GArray *pending_lambdas;

/* Whether the first token of c is one of the words (NULL-terminated). */
static bool starts_with_word(CXCursor c, const char *const *words)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXToken *t = clang_getToken(tu, clang_getRangeStart(clang_getCursorExtent(c)));
	if (!t)
		return false;
	CXString s = clang_getTokenSpelling(tu, *t);
	const char *p = clang_getCString(s);
	bool r = false;
	for (; p && *words && !r; words++)
		r = !strcmp(p, *words);
	clang_disposeString(s);
	clang_disposeTokens(tu, t, 1);
	return r;
}

/* libclang shows co_await and co_yield as unexposed expressions: known by
 * their first token. 1: co_await, 2: co_yield, 0: neither. */
static int suspend_expr(CXCursor c)
{
	static const char *const await[] = { "co_await", NULL }, *const yield[] = { "co_yield", NULL };
	if (!lower_cxx || clang_getCursorKind(c) != CXCursor_UnexposedExpr)
		return 0;
	return starts_with_word(c, await) ? 1 : starts_with_word(c, yield) ? 2 : 0;
}

static CXCursor strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
		    k != CXCursor_CStyleCastExpr && k != CXCursor_CXXStaticCastExpr &&
		    k != CXCursor_CXXConstCastExpr && k != CXCursor_CXXReinterpretCastExpr &&
		    k != CXCursor_CXXFunctionalCastExpr)
			return c;
		/* its last child is the awaiter's await_resume() */
		if (k == CXCursor_UnexposedExpr && suspend_expr(c))
			return c;
		struct kids ks;
		kids_get(c, &ks);
		if (ks.n == 0) {
			kids_free(&ks);
			return c;
		}
		CXCursor last = kid(&ks, ks.n - 1);	/* casts list a TypeRef first */
		kids_free(&ks);
		if (clang_isExpression(clang_getCursorKind(last)) == 0 &&
		    clang_getCursorKind(last) != CXCursor_StmtExpr)
			return c;
		c = last;
	}
}

static struct cck_loc loc_at(struct cck_tu *tu, CXSourceLocation l)
{
	tu->loc_ptr[0] = l.ptr_data[0];
	tu->loc_ptr[1] = l.ptr_data[1];
	struct cck_loc r = { 0, 0, 0, l.int_data };
	return r;
}

static struct cck_loc loc_of(struct cck_tu *tu, CXCursor c)
{
	return loc_at(tu, clang_getCursorLocation(c));
}

/* The closing brace of a body: where falling off its end returns. */
static struct cck_loc loc_of_end(struct cck_tu *tu, CXCursor body)
{
	CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(body));
	CXFile file;
	unsigned off;
	clang_getSpellingLocation(end, &file, NULL, NULL, &off);
	if (!file || !off)
		return loc_of(tu, body);
	return loc_at(tu, clang_getLocationForOffset(clang_Cursor_getTranslationUnit(body),
						     file, off - 1));
}

void cck_loc_resolve(struct cck_tu *tu, struct cck_loc *r)
{
	if (r->line || !r->raw)
		return;
	CXSourceLocation l = { { tu->loc_ptr[0], tu->loc_ptr[1] }, r->raw };
	CXFile file;
	unsigned line, col;
	clang_getExpansionLocation(l, &file, &line, &col, NULL);
	r->line = line;
	r->col = col;
	if (file && file == tu->last_file) {
		r->file = tu->last_file_sym;	/* most events are in the same file */
	} else if (file) {
		CXString s = clang_getFileName(file);
		r->file = cck_intern(&tu->strs, clang_getCString(s));
		clang_disposeString(s);
		tu->last_file = file;
		tu->last_file_sym = r->file;
	}
}

static cck_sym spelling_sym(struct cck_tu *tu, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *p = clang_getCString(s);
	cck_sym r = p && *p ? cck_intern(&tu->strs, p) : 0;
	clang_disposeString(s);
	return r;
}

static bool is_noreturn_name(const char *n);

/* Names of declarations, cached by the declaration: getting a spelling
 * and interning it costs more than the rest of lowering a reference. */
static bool is_function_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod ||
	       k == CXCursor_Constructor || k == CXCursor_Destructor ||
	       k == CXCursor_FunctionTemplate || k == CXCursor_ConversionFunction;
}

/* A C++ function's name with its namespaces and classes, without template
 * arguments or inline namespaces: "std::mutex::lock", "app::conn::send".
 * A function of the global namespace keeps its plain name. */
static cck_sym qualified_sym(struct cck_tu *tu, CXCursor decl)
{
	GString *q = g_string_new(NULL);
	CXString s = clang_getCursorSpelling(decl);
	const char *sp = clang_getCString(s);
	/* a class template's constructor is spelled "Held<M>": as its calls */
	const char *lt = strncmp(sp, "operator", 8) ? strchr(sp, '<') : NULL;
	g_string_append_len(q, sp, lt ? lt - sp : (gssize)strlen(sp));
	clang_disposeString(s);
	for (CXCursor p = clang_getCursorSemanticParent(decl);; p = clang_getCursorSemanticParent(p)) {
		enum CXCursorKind k = clang_getCursorKind(p);
		if (k == CXCursor_Namespace || k == CXCursor_ClassDecl || k == CXCursor_StructDecl ||
		    k == CXCursor_ClassTemplate || k == CXCursor_UnionDecl ||
		    k == CXCursor_ClassTemplatePartialSpecialization) {
			CXString n = clang_getCursorSpelling(p);
			const char *ns = clang_getCString(n);
			/* anonymous, and std::__cxx11-like inline namespaces */
			if (ns && *ns && strncmp(ns, "__", 2) &&
			    !(k == CXCursor_Namespace && clang_Cursor_isInlineNamespace(p))) {
				g_string_prepend(q, "::");
				g_string_prepend(q, ns);
			}
			clang_disposeString(n);
			continue;
		}
		if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
			continue;
		break;
	}
	cck_sym r = q->len ? cck_intern(&tu->strs, q->str) : 0;
	g_string_free(q, TRUE);
	return r;
}

static cck_sym decl_sym(struct cck_tu *tu, CXCursor decl)
{
	gpointer key = (gpointer)decl.data[0];
	gpointer v = g_hash_table_lookup(tu->decl_syms, key);
	if (v)
		return GPOINTER_TO_UINT(v);
	cck_sym s = lower_cxx && is_function_kind(clang_getCursorKind(decl))
		? qualified_sym(tu, decl) : spelling_sym(tu, decl);
	g_hash_table_insert(tu->decl_syms, key, GUINT_TO_POINTER(s));
	return s;
}

struct callee_info {
	cck_sym name;
	bool system;		/* declared in a system header */
	bool noreturn;
	bool cancel_use;	/* its use turns the posix model on */
	bool const_args;	/* its role reads constant arguments */
};

static enum CXChildVisitResult noreturn_attr(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_getCursorKind(c) != CXCursor_UnexposedAttr)
		return CXChildVisit_Continue;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXToken *tok;
	unsigned n;
	clang_tokenize(tu, clang_getCursorExtent(c), &tok, &n);
	for (unsigned i = 0; i < n && i < 2; i++) {
		CXString s = clang_getTokenSpelling(tu, tok[i]);
		const char *p = clang_getCString(s);
		if (!strcmp(p, "noreturn") || !strcmp(p, "__noreturn__") ||
		    !strcmp(p, "_Noreturn"))
			*(bool *)d = true;
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tok, n);
	return CXChildVisit_Continue;
}

/* __attribute__((noreturn)) or _Noreturn on the callee. */
static bool has_noreturn_attr(CXCursor fn)
{
	bool nr = false;
	if (clang_Cursor_hasAttrs(fn))
		clang_visitChildren(fn, noreturn_attr, &nr);
	if (!nr) {	/* GNU noreturn lives in the function type, not as an attribute */
		CXString t = clang_getTypeSpelling(clang_getCursorType(fn));
		nr = strstr(clang_getCString(t), "noreturn") != NULL;
		clang_disposeString(t);
	}
	return nr;
}

static const struct callee_info *callee_of(struct cck_tu *tu, CXCursor ref)
{
	gpointer key = (gpointer)ref.data[0];
	struct callee_info *ci = g_hash_table_lookup(tu->callee_info, key);
	if (ci)
		return ci;
	ci = g_new0(struct callee_info, 1);
	ci->name = decl_sym(tu, ref);
	const char *n = cck_str(&tu->strs, ci->name);
	ci->system = clang_Location_isInSystemHeader(clang_getCursorLocation(ref));
	const struct cck_role *role = cck_tu_role(tu, ci->name);
	ci->noreturn = (role && role->noreturn) || is_noreturn_name(n) || has_noreturn_attr(ref);
	ci->cancel_use = cck_posix_uses_cancellation(n);
	/* posix roles apply once cancellation is seen: ask the table directly */
	const struct cck_role *pr = cck_model_role(CCK_MODEL_POSIX, n);
	ci->const_args = (role && role->shield == CCK_SHIELD_BY_ARG0) ||
			 (pr && pr->shield == CCK_SHIELD_BY_ARG0);
	g_hash_table_insert(tu->callee_info, key, ci);
	return ci;
}

static bool eval_int(CXCursor c, int64_t *out)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	if (!r)
		return false;
	bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
	if (ok)
		*out = clang_EvalResult_getAsLongLong(r);
	clang_EvalResult_dispose(r);
	return ok;
}

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

/* The cleanup (index + 1) of each C++ lock guard variable in scope. */
static __thread GHashTable *guard_cleanups;

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
	struct cck_block *last_branch;	/* the block branch() closed last */
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

/* Once set, lowering unwinds without looking further: the function is
 * dropped (lower_function). */
static bool too_deep(struct lower *L)
{
	if (!L->too_deep && stack_low())
		L->too_deep = true;
	return L->too_deep;
}

static struct cck_block *new_block(struct lower *L)
{
	return cck_block_new(L->f);
}

static void set_cur(struct lower *L, struct cck_block *b)
{
	L->cur = b;
}

/* Code after return/break/goto is unreachable; give it a block anyway so
 * that labels inside it can be jumped to. */
static struct cck_block *cur(struct lower *L)
{
	if (!L->cur)
		L->cur = new_block(L);
	return L->cur;
}

static void jump(struct lower *L, uint32_t to)
{
	if (!L->cur)
		return;
	L->cur->term = CCK_T_GOTO;
	cck_block_add_succ(L->cur, to);
	L->cur = NULL;
}

static void branch(struct lower *L, cck_sym var, enum cck_cmp op, int64_t k,
		   uint32_t t, uint32_t f)
{
	struct cck_block *b = cur(L);
	L->last_branch = b;
	b->term = CCK_T_BRANCH;
	b->cmp_var = var;
	b->cmp_op = op;
	b->cmp_k = k;
	cck_block_add_succ(b, t);
	cck_block_add_succ(b, f);
	L->cur = NULL;
}

static struct cck_event *emit(struct lower *L, enum cck_ev_kind kind, CXCursor at)
{
	struct cck_block *b = cur(L);
	struct cck_event e = { .kind = kind, .uid = ++L->f->next_uid };
	e.loc = loc_of(L->tu, at);
	if (!b->raw)
		b->raw = g_array_new(FALSE, FALSE, sizeof(struct cck_event));
	g_array_append_val(b->raw, e);
	return &g_array_index(b->raw, struct cck_event, b->raw->len - 1);
}

static cck_sym temp(struct lower *L)
{
	return CCK_TEMP | ++L->ntemp;
}

/* ---- guard keys: the text of an lvalue path ---------------------------- */

static void key_text(struct lower *L, CXCursor c, GString *out, int depth, bool subst);

static bool is_member_arrow(CXCursor member, CXCursor base)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(base));
	return t.kind == CXType_Pointer;
}

/* Renders simple access paths (names, ->, ., &, *, [const]) and marks
 * anything else as not a key by appending '?'. */
static void key_text(struct lower *L, CXCursor c, GString *out, int depth, bool subst)
{
	if (depth > 16) {
		g_string_append_c(out, '?');
		return;
	}
	c = strip(c);
	enum CXCursorKind k = clang_getCursorKind(c);
	struct kids ks;
	switch (k) {
	case CXCursor_DeclRefExpr: {
		CXString s = clang_getCursorSpelling(c);
		const char *name = clang_getCString(s);
		cck_sym sym = cck_intern(&L->tu->strs, name);
		const char *sub = subst ? g_hash_table_lookup(L->subst, GUINT_TO_POINTER(sym)) : NULL;
		if (sub) {
			L->substituted = true;
			bool simple = strspn(sub, "abcdefghijklmnopqrstuvwxyz"
					     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.->[]$") ==
				      strlen(sub);
			g_string_append_printf(out, simple ? "%s" : "(%s)", sub);
		} else {
			g_string_append(out, name);
		}
		clang_disposeString(s);
		return;
	}
	case CXCursor_CXXThisExpr:
		g_string_append(out, "this");
		return;
	case CXCursor_MemberRefExpr: {
		kids_get(c, &ks);
		if (ks.n < 1 && lower_cxx) {	/* a member of *this, named alone */
			kids_free(&ks);
			CXString s = clang_getCursorSpelling(c);
			g_string_append_printf(out, "this->%s", clang_getCString(s));
			clang_disposeString(s);
			return;
		}
		if (ks.n < 1) {
			kids_free(&ks);
			g_string_append_c(out, '?');
			return;
		}
		CXCursor base = kid(&ks, 0);
		kids_free(&ks);
		key_text(L, base, out, depth + 1, subst);
		g_string_append(out, is_member_arrow(c, strip(base)) ? "->" : ".");
		CXString s = clang_getCursorSpelling(c);
		g_string_append(out, clang_getCString(s));
		clang_disposeString(s);
		return;
	}
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
		if (op != CXUnaryOperator_AddrOf && op != CXUnaryOperator_Deref)
			break;
		kids_get(c, &ks);
		CXCursor sub = kid(&ks, 0);
		kids_free(&ks);
		g_string_append_c(out, op == CXUnaryOperator_AddrOf ? '&' : '*');
		key_text(L, sub, out, depth + 1, subst);
		return;
	}
	case CXCursor_ArraySubscriptExpr: {
		kids_get(c, &ks);
		if (ks.n != 2) {
			kids_free(&ks);
			break;
		}
		CXCursor base = kid(&ks, 0), idx = kid(&ks, 1);
		kids_free(&ks);
		key_text(L, base, out, depth + 1, subst);
		g_string_append_c(out, '[');
		key_text(L, idx, out, depth + 1, subst);
		g_string_append_c(out, ']');
		return;
	}
	case CXCursor_IntegerLiteral: {
		int64_t v;
		if (eval_int(c, &v)) {
			g_string_append_printf(out, "%lld", (long long)v);
			return;
		}
		break;
	}
	default:
		break;
	}
	g_string_append_c(out, '?');
}

/* Interned, normalized key of an expression, or 0 if it is not a path.
 * With subst, locals initialized from a path are replaced by that path so
 * that aliases of one lock get one key; without, it is the text as written. */
static cck_sym key_of(struct lower *L, CXCursor c, bool subst)
{
	L->substituted = false;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {	/* the common case */
		CXCursor d = clang_getCursorReferenced(c);
		cck_sym v = clang_Cursor_isNull(d) ? spelling_sym(L->tu, c) : decl_sym(L->tu, d);
		const char *sub = subst ? g_hash_table_lookup(L->subst, GUINT_TO_POINTER(v)) : NULL;
		L->substituted = sub != NULL;
		return sub ? cck_intern(&L->tu->strs, sub) : v;
	}
	if (!key_buf) {
		key_buf = g_string_sized_new(64);
		g_private_set(&thread_buffers, GINT_TO_POINTER(1));
	}
	GString *s = key_buf;
	g_string_truncate(s, 0);
	key_text(L, c, s, 0, subst);
	cck_sym r = 0;
	if (!strchr(s->str, '?')) {
		/* Only substituted text can need normalizing ("*&x", "(p)"). */
		r = cck_intern(&L->tu->strs, s->str);
		if (L->substituted || strstr(s->str, "*&") || strstr(s->str, "&*")) {
			struct cck_arg a = { .key = r };
			r = cck_key_subst(&L->tu->strs, "$0", &a, 1);
		}
	}
	return r;
}

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

static struct opnd expr(struct lower *L, CXCursor c);

/* The value of a literal operand, when it is needed. */
static void need_value(struct opnd *o)
{
	if (o->lit) {
		o->is_const = eval_int(o->lit_c, &o->k);
		o->lit = false;
	}
}
static void stmt(struct lower *L, CXCursor c);
static void cond(struct lower *L, CXCursor c, uint32_t t, uint32_t f);

static bool is_var_ref(CXCursor c, CXCursor *decl)
{
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return false;
	CXCursor d = clang_getCursorReferenced(c);
	enum CXCursorKind k = clang_getCursorKind(d);
	if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
		return false;
	if (decl)
		*decl = d;
	return true;
}

static void kill_var(struct lower *L, cck_sym var, CXCursor at)
{
	struct cck_event *e = emit(L, CCK_EV_KILL, at);
	e->var = var;
	g_hash_table_remove(L->subst, GUINT_TO_POINTER(var));
}

static void lower_children(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		CXCursor k = kid(&ks, i);
		if (clang_isExpression(clang_getCursorKind(k)) ||
		    clang_getCursorKind(k) == CXCursor_StmtExpr)
			expr(L, k);
	}
	kids_free(&ks);
}

static bool is_noreturn_name(const char *n)
{
	static const char *const names[] = {
		"__assert_fail", "__builtin_trap", "__builtin_unreachable",
		"__pthread_unwind_next", "__stack_chk_fail", "_Exit", "_exit", "abort",
		"err", "errx", "exit", "longjmp", "pthread_exit", "quick_exit",
		"siglongjmp",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(n, names[i]))
			return true;
	return false;
}

/* Whether var, as an argument (addr_of: &var), names storage in this
 * function's frame: the address of a local, or a local array. */
static bool frame_storage(struct lower *L, cck_sym var, bool addr_of)
{
	unsigned k = GPOINTER_TO_UINT(g_hash_table_lookup(L->frame, GUINT_TO_POINTER(var)));
	return addr_of ? k != 0 : k == 2;
}

static struct cck_arg arg_of(struct lower *L, CXCursor a, struct opnd *o)
{
	struct cck_arg r = { 0 };
	if (o->var && !o->addr_of && !(o->var & CCK_TEMP) && o->plain) {
		/* a plain variable: its key is its name, or what it stands for */
		const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(o->var));
		r.key = sub ? cck_intern(&L->tu->strs, sub) : o->var;
		r.text = o->var;
		r.var = o->var;
		r.stack = frame_storage(L, o->var, false);
		return r;
	}
	CXCursor s = strip(a);
	r.key = key_of(L, s, true);
	r.text = r.key && L->substituted ? key_of(L, s, false) : r.key;
	if (o->is_const) {
		r.is_const = true;
		r.value = o->k;
	} else if (o->var) {
		r.var = o->var;
		r.addr_of = o->addr_of;
		r.stack = o->addr_of && frame_storage(L, o->var, true);
	}
	return r;
}

static uint32_t add_cleanup(struct lower *L, cck_sym handler, struct cck_arg arg,
			    CXCursor at, bool on_cancel)
{
	struct cck_cleanup cl = {
		.handler = handler, .arg = arg, .loc = loc_of(L->tu, at),
		.on_cancel = on_cancel,
	};
	cck_loc_resolve(L->tu, &cl.loc);	/* few, and named in notes later */
	g_array_append_val(L->f->cleanups, cl);
	return L->f->cleanups->len - 1;
}

static struct cck_event *emit_call(struct lower *L, CXCursor at, cck_sym callee,
				   const struct cck_arg *args, unsigned n)
{
	struct cck_event *e = emit(L, CCK_EV_CALL, at);
	e->callee = callee;
	e->arg0 = L->f->args->len;
	e->nargs = n;
	g_array_append_vals(L->f->args, args, n);
	return e;
}

/* A function a thread is started in runs on a thread that may be cancelled. */
static cck_sym function_named_by(struct lower *L, CXCursor e);

static cck_sym start_routine(struct lower *L, CXCursor a)
{
	cck_sym s = function_named_by(L, a);	/* fn or &fn */
	if (s)
		g_hash_table_add(L->tu->start_routines, GUINT_TO_POINTER(s));
	return s;
}

/* A thread handle's place, named so that the same place gets the same
 * name in every file and different places rarely do: a member by its
 * struct and field ("struct worker.thread", whatever the index or base:
 * "&w->thread", "ws[i - 1].thread"), a local by its function
 * ("main::t"), a global by its name. A parameter could be any thread:
 * "*", as is anything else. */
static cck_sym handle_name(struct lower *L, CXCursor e)
{
	for (int depth = 0; depth < 16; depth++) {
		e = strip(e);
		enum CXCursorKind k = clang_getCursorKind(e);
		if (k == CXCursor_MemberRefExpr) {
			CXCursor field = clang_getCursorReferenced(e);
			CXType rec = clang_getCursorType(clang_getCursorSemanticParent(field));
			CXString rs = clang_getTypeSpelling(rec), fs = clang_getCursorSpelling(field);
			char *n = g_strdup_printf("%s.%s", clang_getCString(rs), clang_getCString(fs));
			clang_disposeString(rs);
			clang_disposeString(fs);
			cck_sym r = cck_intern(&L->tu->strs, n);
			g_free(n);
			return r;
		}
		if (k == CXCursor_DeclRefExpr) {
			CXCursor d = clang_getCursorReferenced(e);
			if (clang_getCursorKind(d) != CXCursor_VarDecl)
				break;	/* a parameter, or no variable */
			cck_sym v = decl_sym(L->tu, d);
			enum CXCursorKind pk = clang_getCursorKind(clang_getCursorSemanticParent(d));
			if (pk != CXCursor_FunctionDecl || clang_Cursor_getStorageClass(d) == CX_SC_Static)
				return v;
			char *n = g_strdup_printf("%s::%s", cck_str(&L->tu->strs, L->f->name),
						  cck_str(&L->tu->strs, v));
			cck_sym r = cck_intern(&L->tu->strs, n);
			g_free(n);
			return r;
		}
		if (k != CXCursor_ArraySubscriptExpr && k != CXCursor_UnaryOperator &&
		    k != CXCursor_ParenExpr)
			break;
		struct kids ks;
		kids_get(e, &ks);
		bool any = ks.n > 0;
		if (any)
			e = kid(&ks, 0);	/* the array, or the operand */
		kids_free(&ks);
		if (!any)
			break;
	}
	return cck_intern(&L->tu->strs, "*");
}

/* Whether e is a call of pthread_self(): a thread cancelling itself. */
static bool is_self(CXCursor e)
{
	e = strip(e);
	if (clang_getCursorKind(e) != CXCursor_CallExpr)
		return false;
	CXString s = clang_getCursorSpelling(e);
	bool r = !strcmp(clang_getCString(s), "pthread_self");
	clang_disposeString(s);
	return r;
}

/* A call: arguments left to right, then the call event. Calls that shape
 * control flow (noreturn) or that glibc's cleanup macros emit are handled
 * here; everything else is resolved against roles and summaries later. */
static cck_sym guard_var(struct lower *L, CXCursor e);
static void disarm_guard(struct lower *L, cck_sym g, CXCursor at);
static void move_assigned_guard(struct lower *L, cck_sym to, cck_sym from, CXCursor at);

/* "std::ignore = e": an operator= call whose left side is std::ignore. */
static bool ignored_assignment(CXCursor c)
{
	CXString sp = clang_getCursorSpelling(c);
	bool assign = !strcmp(clang_getCString(sp), "operator=");
	clang_disposeString(sp);
	if (!assign)
		return false;
	struct kids ks;
	kids_get(c, &ks);
	bool r = false;
	if (ks.n == 3) {	/* the left side, the operator, the right side */
		CXCursor lhs = strip(kid(&ks, 0));
		if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
			CXCursor d = clang_getCursorReferenced(lhs);
			CXString n = clang_getCursorSpelling(d);
			r = !strcmp(clang_getCString(n), "ignore") &&
			    clang_getCursorKind(clang_getCursorSemanticParent(d)) == CXCursor_Namespace;
			clang_disposeString(n);
		}
	}
	kids_free(&ks);
	return r;
}

static struct opnd call(struct lower *L, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	enum CXCursorKind rk = clang_getCursorKind(ref);
	bool direct = rk == CXCursor_FunctionDecl;
	int member = 0;		/* 1: a member function, its object is argument 0 */
	if (lower_cxx && !direct && is_function_kind(rk) && ignored_assignment(c)) {
		/* std::ignore = f(): f's result is dropped, as in a statement */
		struct kids ks;
		kids_get(c, &ks);
		struct opnd o = ks.n ? expr(L, kid(&ks, ks.n - 1)) : opaque;
		kids_free(&ks);
		return o;
	}
	if (lower_cxx && rk == CXCursor_CXXMethod && clang_Cursor_getNumArguments(c) == 2) {
		CXString sp = clang_getCursorSpelling(ref);
		bool assign = !strcmp(clang_getCString(sp), "operator=");
		clang_disposeString(sp);
		cck_sym to = assign ? guard_var(L, clang_Cursor_getArgument(c, 0)) : 0;
		cck_sym from = to ? guard_var(L, clang_Cursor_getArgument(c, 1)) : 0;
		if (from && from != to) {
			move_assigned_guard(L, to, from, c);
			return opaque;
		}
	}
	if (lower_cxx && !direct && is_function_kind(rk)) {
		CXString sp = clang_getCursorSpelling(ref);
		/* operators and lambdas: their operands are not laid out as a
		 * call's (and what they do is not modelled) */
		direct = strncmp(clang_getCString(sp), "operator", 8) != 0;
		clang_disposeString(sp);
		/* a constructor of the program's own: its object is the
		 * variable being declared, if any */
		member = direct && cck_has_this(ref) &&
			 (rk != CXCursor_Constructor ||
			  !clang_Location_isInSystemHeader(clang_getCursorLocation(ref)));
	}
	const struct callee_info *ci = direct ? callee_of(L->tu, ref) : NULL;
	cck_sym callee = ci ? ci->name : 0;
	int nargs = clang_Cursor_getNumArguments(c);
	const char *cname = callee ? cck_str(&L->tu->strs, callee) : "";

	if (direct && !strcmp(cname, "__builtin_expect") && nargs == 2) {
		struct opnd o = expr(L, clang_Cursor_getArgument(c, 0));
		expr(L, clang_Cursor_getArgument(c, 1));
		return o;
	}
	if (ci && ci->cancel_use)
		L->tu->uses_cancellation = L->tu->saw_cancellation = true;
	if (ci && ci->system && !strncmp(cname, "io_uring_", 9))
		L->tu->models |= CCK_MODEL_URING;	/* liburing's, from its header */

	struct cck_arg stack[8];
	struct cck_arg *args = nargs + member > 8 ? g_new0(struct cck_arg, nargs + member) : stack;
	struct kids cks;	/* a call's children: the callee, then the arguments */
	kids_get(c, &cks);
	bool from_kids = nargs >= 0 && cks.n == (unsigned)nargs + 1;
	cck_sym released_guard = 0;	/* g.release(): g no longer unlocks */
	if (member && rk == CXCursor_Constructor) {
		/* T v(...): the object is v; a temporary's is unknown */
		args[0] = L->ctor_this;
		memset(&L->ctor_this, 0, sizeof L->ctor_this);
		args++;
	} else if (member) {	/* obj.f(), p->f(), f(): the object (*p, *this) */
		struct kids mk = { 0 };
		CXCursor m = cks.n ? strip(kid(&cks, 0)) : clang_getNullCursor();
		bool named = !clang_Cursor_isNull(m) &&
			     clang_getCursorKind(m) == CXCursor_MemberRefExpr;
		if (named)
			kids_get(m, &mk);
		memset(&args[0], 0, sizeof args[0]);
		if (named && !mk.n)	/* f() in a member function: *this */
			args[0].key = args[0].text = cck_intern(&L->tu->strs, "*this");
		if (mk.n) {
			CXCursor obj = kid(&mk, 0);
			struct opnd o = expr(L, obj);
			args[0] = arg_of(L, obj, &o);
			if (args[0].key && clang_getCanonicalType(
				    clang_getCursorType(strip(obj))).kind == CXType_Pointer) {
				struct cck_arg in = { .key = args[0].key };
				args[0].key = cck_key_subst(&L->tu->strs, "*$0", &in, 1);
			}
			/* a lock guard is named by the mutex it stands for */
			args[0].text = args[0].key;
			if (!strcmp(cname, "std::unique_lock::release") ||
			    !strcmp(cname, "std::shared_lock::release"))
				released_guard = guard_var(L, obj);
		}
		kids_free(&mk);
		args++;
	}
	if (!direct && cks.n)	/* through a pointer: what it reads (a table) */
		expr(L, kid(&cks, 0));
	int start_arg = !strcmp(cname, "pthread_create") ? 2 :
			!strcmp(cname, "thrd_create") ? 1 : -1;
	cck_sym routine = 0;
	bool self = false;
	cck_sym handle = 0;
	for (int i = 0; i < nargs; i++) {
		CXCursor a = from_kids ? kid(&cks, i + 1) : clang_Cursor_getArgument(c, i);
		if (i == start_arg)
			routine = start_routine(L, a);
		L->starting = i == start_arg;
		if (i == 0 && !strcmp(cname, "pthread_cancel"))
			self = is_self(a);
		if (i == 0 && (start_arg >= 0 || !strcmp(cname, "pthread_cancel")))
			handle = handle_name(L, a);
		struct opnd o = expr(L, a);
		L->starting = false;
		if (ci && ci->const_args)
			need_value(&o);
		args[i] = arg_of(L, a, &o);
	}
	kids_free(&cks);
	nargs = nargs < 0 ? 0 : nargs;
	args -= member;
	nargs += member;
	struct opnd r = opaque;
	if (routine) {
		struct cck_create cr = { routine, handle };
		g_array_append_val(L->tu->creates, cr);
	}
	if (!strcmp(cname, "pthread_cancel") && nargs) {
		if (self)
			g_hash_table_add(L->tu->self_cancel, GUINT_TO_POINTER(L->f->name));
		else
			g_hash_table_add(L->tu->cancel_fields, GUINT_TO_POINTER(handle));
	}

	if (direct && !strcmp(cname, "__pthread_register_cancel")) {
		uint32_t i = add_cleanup(L, L->push_routine, L->push_arg, c, true);
		g_array_append_val(L->push_stack, i);
		struct cck_event *e = emit(L, CCK_EV_CLEANUP_PUSH, c);
		e->aux = 0;
		e->var = i;	/* cleanup index */
		goto out;
	}
	if (direct && !strcmp(cname, "__pthread_unregister_cancel")) {
		if (L->push_stack->len) {
			L->last_popped = g_array_index(L->push_stack, uint32_t,
						       L->push_stack->len - 1);
			g_array_set_size(L->push_stack, L->push_stack->len - 1);
		}
		emit(L, CCK_EV_CLEANUP_POP, c);
		goto out;
	}
	if (!direct) {
		/* A call through glibc's __cancel_routine runs the popped handler. */
		struct kids ks;
		kids_get(c, &ks);
		bool routine = false;
		if (ks.n) {
			CXCursor f0 = strip(kid(&ks, 0));
			CXString s = clang_getCursorSpelling(f0);
			routine = clang_getCursorKind(f0) == CXCursor_DeclRefExpr &&
				  !strcmp(clang_getCString(s), "__cancel_routine");
			clang_disposeString(s);
		}
		kids_free(&ks);
		if (routine && L->last_popped >= 0) {
			struct cck_cleanup *cl = &g_array_index(L->f->cleanups,
				struct cck_cleanup, L->last_popped);
			if (cl->handler)
				emit_call(L, c, cl->handler, &cl->arg, 1)->model =
					CCK_CALL_RUNS_CLEANUP;
			goto out;
		}
		callee = 0;	/* through a function pointer: unknown */
	}

	r.var = temp(L);
	struct cck_event *e = emit_call(L, c, callee, args, nargs);
	e->res = r.var;
	if (ci && ci->system)
		e->aux = 1;	/* declared by the system: borrows its arguments */
	if (released_guard)
		disarm_guard(L, released_guard, c);
	r.call_block = L->cur;
	r.call_ev = L->cur->raw->len - 1;
	if (ci) {
		if (ci->noreturn) {
			L->cur->term = CCK_T_NORETURN;
			L->cur->term_loc = loc_of(L->tu, c);
			L->cur = NULL;
		}
	}
out:
	if (args != stack)
		g_free(args);
	return r;
}

/* Assignment to a plain variable: the variable takes over the value. */
static void assign_var(struct lower *L, cck_sym lhs, struct opnd rhs, CXCursor at)
{
	need_value(&rhs);
	if (rhs.call_ev >= 0 && rhs.call_block == L->cur && L->cur) {
		g_array_index(L->cur->raw, struct cck_event, rhs.call_ev).res = lhs;
		g_hash_table_remove(L->subst, GUINT_TO_POINTER(lhs));
		return;
	}
	if (rhs.var && !rhs.addr_of) {
		struct cck_event *e = emit(L, CCK_EV_COPY, at);
		e->var = lhs;
		e->var2 = rhs.var;
		g_hash_table_remove(L->subst, GUINT_TO_POINTER(lhs));
		return;
	}
	if (rhs.is_const) {	/* flags: "locked = true" decides later branches */
		struct cck_event *e = emit(L, CCK_EV_SET, at);
		e->var = lhs;
		e->mask = cck_region_of(rhs.k);
		g_hash_table_remove(L->subst, GUINT_TO_POINTER(lhs));
		return;
	}
	kill_var(L, lhs, at);
}

static cck_sym key_of(struct lower *L, CXCursor c, bool subst);

/* "tmp.buf" or "bufs[0]" of a local aggregate (no pointer on the way):
 * tracked like a variable of that name; 0 for anything else. */
static cck_sym local_member(struct lower *L, CXCursor lhs)
{
	CXCursor c = lhs;
	for (int depth = 0; depth < 8; depth++) {
		enum CXCursorKind k = clang_getCursorKind(c);
		struct kids ks;
		if (k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr) {
			kids_get(c, &ks);
			CXCursor base = ks.n ? strip(kid(&ks, 0)) : c;
			kids_free(&ks);
			CXType t = clang_getCanonicalType(clang_getCursorType(base));
			if (t.kind == CXType_Pointer)
				return 0;	/* through a pointer: an owning place */
			c = base;
			continue;
		}
		CXCursor d;
		if (k != CXCursor_DeclRefExpr || depth == 0 || !is_var_ref(c, &d) ||
		    clang_getCursorKind(d) != CXCursor_VarDecl ||
		    clang_Cursor_getStorageClass(d) == CX_SC_Static ||
		    clang_Cursor_getStorageClass(d) == CX_SC_Extern ||
		    clang_getCursorKind(clang_getCursorSemanticParent(d)) != CXCursor_FunctionDecl)
			return 0;
		return key_of(L, lhs, false);
	}
	return 0;
}

/* A value stored somewhere other than a local variable is owned there. */
static void store_into_place(struct lower *L, struct opnd rhs, CXCursor at)
{
	if (!rhs.var || rhs.addr_of)
		return;
	struct cck_event *e = emit(L, CCK_EV_CONSUME, at);
	e->var = rhs.var;
	e->aux = CCK_BY_STORE;
}

/* A condition used as a value ("ok = a && b"): its branches rejoin. */
static struct opnd cond_value(struct lower *L, CXCursor c)
{
	struct cck_block *t = new_block(L), *f = new_block(L), *j = new_block(L);
	cond(L, c, t->id, f->id);
	set_cur(L, t);
	jump(L, j->id);
	set_cur(L, f);
	jump(L, j->id);
	set_cur(L, j);
	return opaque;
}

static struct opnd binop(struct lower *L, CXCursor c)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	struct kids ks;
	kids_get(c, &ks);
	if (ks.n != 2) {
		kids_free(&ks);
		lower_children(L, c);
		return opaque;
	}
	CXCursor lhs = kid(&ks, 0), rhs = kid(&ks, 1);
	kids_free(&ks);

	if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr)
		return cond_value(L, c);
	if (op == CXBinaryOperator_Comma) {
		expr(L, lhs);
		return expr(L, rhs);
	}
	if (op == CXBinaryOperator_Assign) {
		struct opnd r = expr(L, rhs);
		CXCursor d, sl = strip(lhs);
		if (clang_getCursorKind(sl) == CXCursor_MemberRefExpr) {
			CXString m = clang_getCursorSpelling(sl);
			bool do_it = !strcmp(clang_getCString(m), "__do_it");
			clang_disposeString(m);
			if (do_it) {	/* pthread_cleanup_pop(execute) */
				need_value(&r);
				L->clframe_do_it = r.is_const ? r.k : 1;
				L->clframe_pop_raw = loc_of(L->tu, c).raw;
				return opaque;
			}
		}
		if (is_var_ref(sl, &d)) {
			cck_sym v = spelling_sym(L->tu, sl);
			if (clang_getCursorSemanticParent(d).kind == CXCursor_TranslationUnit ||
			    clang_getCursorKind(clang_getCursorSemanticParent(d)) !=
				    CXCursor_FunctionDecl) {
				store_into_place(L, r, c);	/* a global owns it */
				return r;
			}
			assign_var(L, v, r, c);
			if (!clang_equalCursors(c, L->stmt_expr))	/* "if ((rc = f()))" reads it */
				g_hash_table_add(L->f->reads, GUINT_TO_POINTER(v));
			struct opnd o = opaque;
			o.var = v;
			return o;
		}
		cck_sym member = local_member(L, sl);
		if (member) {	/* a member of a local aggregate dies with the frame */
			assign_var(L, member, r, c);
			return opaque;
		}
		expr(L, lhs);
		store_into_place(L, r, c);
		cck_sym k = r.var && !r.addr_of ? 0 : key_of(L, sl, true);	/* a flag, a count */
		if (k && (strstr(cck_str(&L->tu->strs, k), "->") ||
			  strchr(cck_str(&L->tu->strs, k), '.')))
			emit(L, CCK_EV_MARK, c)->var = k;	/* "c->broken = true" */
		return opaque;
	}
	struct opnd a = expr(L, lhs), b = expr(L, rhs);
	(void)a;
	(void)b;
	return opaque;
}

static struct opnd unop(struct lower *L, CXCursor c)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
	struct kids ks;
	kids_get(c, &ks);
	CXCursor sub = ks.n ? kid(&ks, 0) : c;
	kids_free(&ks);
	if (op == CXUnaryOperator_AddrOf) {
		struct opnd o = expr(L, sub);
		if (o.var && is_var_ref(strip(sub), NULL)) {
			o.addr_of = true;
			o.call_ev = -1;
			return o;
		}
		return opaque;
	}
	if (op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec ||
	    op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec) {
		struct opnd o = expr(L, sub);
		if (o.var && !o.addr_of)
			kill_var(L, o.var, c);
		return opaque;
	}
	if (op == CXUnaryOperator_LNot)
		return cond_value(L, c);
	if (ks.n)
		expr(L, sub);
	return opaque;
}

static struct opnd conditional(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	if (ks.n != 3) {
		kids_free(&ks);
		lower_children(L, c);
		return opaque;
	}
	CXCursor cc = kid(&ks, 0), a = kid(&ks, 1), b = kid(&ks, 2);
	kids_free(&ks);
	struct cck_block *t = new_block(L), *f = new_block(L), *j = new_block(L);
	cck_sym res = temp(L);
	cond(L, cc, t->id, f->id);
	set_cur(L, t);
	assign_var(L, res, expr(L, a), a);
	jump(L, j->id);
	set_cur(L, f);
	assign_var(L, res, expr(L, b), b);
	jump(L, j->id);
	set_cur(L, j);
	struct opnd o = opaque;
	o.var = res;
	return o;
}

static struct opnd stmt_expr(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	struct opnd o = opaque;
	if (ks.n == 1 && clang_getCursorKind(kid(&ks, 0)) == CXCursor_CompoundStmt) {
		struct kids body;
		kids_get(kid(&ks, 0), &body);
		L->scope++;
		for (unsigned i = 0; i < body.n; i++) {
			CXCursor s = kid(&body, i);
			if (i + 1 == body.n && clang_isExpression(clang_getCursorKind(s)))
				o = expr(L, s);
			else
				stmt(L, s);
		}
		L->scope--;
		kids_free(&body);
	}
	kids_free(&ks);
	return o;
}

/* The last name of a C++ function: "async_write" of "asio::async_write". */
static const char *last_name(const char *n)
{
	const char *c = strrchr(n, ':');
	return c ? c + 1 : n;
}

/* Operations that, cancelled part way, leave part of a message written:
 * Asio's writes. */
static bool is_async_write(const char *n)
{
	const char *l = last_name(n);
	return !strcmp(l, "async_write") || !strcmp(l, "async_write_some") ||
	       !strcmp(l, "async_send") || !strcmp(l, "async_write_at");
}

/* The operation one side of a race starts: its function's name, and in
 * *stream what it works on (the object of a member call, else its first
 * argument); 0 if the side is no call. */
static cck_sym race_side(struct lower *L, CXCursor e, cck_sym *stream)
{
	*stream = 0;
	e = strip(e);
	if (clang_getCursorKind(e) != CXCursor_CallExpr)
		return 0;
	CXCursor ref = clang_getCursorReferenced(e);
	if (!is_function_kind(clang_getCursorKind(ref)))
		return 0;
	struct kids ks;
	kids_get(e, &ks);
	CXCursor callee = ks.n ? strip(kid(&ks, 0)) : clang_getNullCursor();
	kids_free(&ks);
	if (!clang_Cursor_isNull(callee) && clang_getCursorKind(callee) == CXCursor_MemberRefExpr) {
		struct kids mk;
		kids_get(callee, &mk);
		if (mk.n)
			*stream = key_of(L, strip(kid(&mk, 0)), true);
		kids_free(&mk);
	}
	if (!*stream && clang_Cursor_getNumArguments(e) > 0)
		*stream = key_of(L, strip(clang_Cursor_getArgument(e, 0)), true);
	return decl_sym(L->tu, ref);
}

/* co_await (a || b) with Asio's awaitable operators: the side that loses
 * is cancelled. A write on either side may then stop part way. */
static void awaited_race(struct lower *L, CXCursor op, CXCursor at)
{
	op = strip(op);
	if (clang_getCursorKind(op) != CXCursor_CallExpr)
		return;
	CXCursor ref = clang_getCursorReferenced(op);
	CXString sp = clang_getCursorSpelling(ref);
	bool is_or = clang_getCursorKind(ref) == CXCursor_FunctionDecl &&
		     !strcmp(clang_getCString(sp), "operator||");
	clang_disposeString(sp);
	if (!is_or)
		return;
	struct kids ks;
	kids_get(op, &ks);
	CXCursor side[2];
	unsigned n = 0;
	for (unsigned i = 0; i < ks.n; i++) {	/* the operands, around the operator */
		CXCursor k = strip(kid(&ks, i));
		CXString s = clang_getCursorSpelling(k);
		bool oper = clang_getCursorKind(k) == CXCursor_DeclRefExpr &&
			    !strcmp(clang_getCString(s), "operator||");
		clang_disposeString(s);
		if (!oper && n < 2)
			side[n++] = kid(&ks, i);
	}
	kids_free(&ks);
	if (n != 2)
		return;
	cck_sym st[2], fn[2];
	for (unsigned i = 0; i < 2; i++)
		fn[i] = race_side(L, side[i], &st[i]);
	for (unsigned i = 0; i < 2; i++)
		if (fn[i] && is_async_write(cck_str(&L->tu->strs, fn[i]))) {
			struct cck_event *e = emit(L, CCK_EV_RACE, at);
			e->callee = fn[i];
			e->var = st[i];
			e->var2 = fn[1 - i];
		}
}

/* co_await e, co_yield e: e is evaluated, then the coroutine suspends at
 * a call named "co_await" or "co_yield" (the cxx model's suspend points,
 * 'unwinds': destroying it there runs its locals' destructors). libclang
 * lists the operand first, then the awaiter's ready/suspend/resume calls,
 * which are not the program's own calls and are left out. */
static struct opnd coroutine_suspend(struct lower *L, CXCursor c, bool yield)
{
	struct kids ks;
	kids_get(c, &ks);
	if (ks.n == 1 && suspend_expr(kid(&ks, 0))) {	/* a conversion around it */
		CXCursor in = kid(&ks, 0);
		kids_free(&ks);
		return coroutine_suspend(L, in, suspend_expr(in) == 2);
	}
	if (ks.n) {
		if (!yield)
			awaited_race(L, kid(&ks, 0), c);
		expr(L, kid(&ks, 0));
	}
	kids_free(&ks);
	struct opnd r = opaque;
	r.var = temp(L);
	struct cck_event *e = emit_call(L, c, cck_intern(&L->tu->strs,
						yield ? "co_yield" : "co_await"), NULL, 0);
	e->res = r.var;
	return r;
}

/* new T(...), new T[n]: a fresh owned value, from a call named
 * "operator new" ("operator new[]"); delete p, delete[] p: p consumed by
 * "operator delete". A placement new is left as it is (nothing owned). */
static struct opnd new_delete(struct lower *L, CXCursor c, bool is_new)
{
	/* From the tokens: "new (" is a placement new; "new T[" an array,
	 * unless "(" or "{" comes first; "delete [" an array delete. */
	CXTranslationUnit ctu = clang_Cursor_getTranslationUnit(c);
	CXToken *tok;
	unsigned n;
	bool array = false, placement = false, seen = false, done = false;
	clang_tokenize(ctu, clang_getCursorExtent(c), &tok, &n);
	for (unsigned i = 0; i < n && !done; i++) {
		CXString t = clang_getTokenSpelling(ctu, tok[i]);
		const char *p = clang_getCString(t);
		if (!seen) {
			seen = !strcmp(p, is_new ? "new" : "delete");
		} else if (!is_new) {
			array = !strcmp(p, "[");
			done = true;
		} else if (!strcmp(p, "(") && i > 0) {
			CXString prev = clang_getTokenSpelling(ctu, tok[i - 1]);
			placement = !strcmp(clang_getCString(prev), "new");
			clang_disposeString(prev);
			done = true;
		} else if (!strcmp(p, "{")) {
			done = true;
		} else if (!strcmp(p, "[")) {
			array = done = true;
		}
		clang_disposeString(t);
	}
	clang_disposeTokens(ctu, tok, n);
	struct kids ks;
	kids_get(c, &ks);
	struct cck_arg a = { 0 };
	for (unsigned i = 0; i < ks.n; i++) {
		CXCursor k = kid(&ks, i);
		if (!clang_isExpression(clang_getCursorKind(k)))
			continue;
		struct opnd o = expr(L, k);
		if (!is_new)
			a = arg_of(L, k, &o);
	}
	kids_free(&ks);
	if (is_new && placement)
		return opaque;
	const char *name = is_new ? (array ? "operator new[]" : "operator new")
				  : (array ? "operator delete[]" : "operator delete");
	struct opnd r = opaque;
	struct cck_event *e = emit_call(L, c, cck_intern(&L->tu->strs, name), &a, is_new ? 0 : 1);
	if (is_new) {
		r.var = temp(L);
		e->res = r.var;
		r.call_block = L->cur;
		r.call_ev = L->cur->raw->len - 1;
	}
	return r;
}

static struct opnd expr(struct lower *L, CXCursor c)
{
	if (too_deep(L))
		return opaque;
	c = strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(c);
		if (clang_getCursorKind(d) == CXCursor_EnumConstantDecl) {
			struct opnd o = opaque;
			o.is_const = true;
			o.k = clang_getEnumConstantDeclValue(d);
			return o;
		}
		enum CXCursorKind dk = clang_getCursorKind(d);
		if (dk == CXCursor_FunctionDecl && !L->starting) {	/* it may call it */
			cck_sym fs = decl_sym(L->tu, d);
			g_array_append_val(L->f->callees, fs);
		}
		if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl)
			return opaque;
		struct opnd o = opaque;
		o.var = decl_sym(L->tu, d);
		g_hash_table_add(L->f->reads, GUINT_TO_POINTER(o.var));
		if (dk == CXCursor_VarDecl && !g_hash_table_contains(L->locals, GUINT_TO_POINTER(o.var)) &&
		    g_hash_table_add(L->globals_read, GUINT_TO_POINTER(o.var)))
			g_array_append_val(L->f->callees, o.var);	/* a table it may call through */
		o.plain = true;
		return o;
	}
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral: {
		/* Evaluating costs an allocation in libclang; most literals
		 * (sizes, flags) are never looked at. */
		struct opnd o = opaque;
		o.lit = true;
		o.lit_c = c;
		return o;
	}
	case CXCursor_CallExpr:
		return call(L, c);
	case CXCursor_BinaryOperator:
		return binop(L, c);
	case CXCursor_CompoundAssignOperator: {
		struct kids ks;
		kids_get(c, &ks);
		struct opnd r = ks.n == 2 ? expr(L, kid(&ks, 1)) : opaque;
		(void)r;
		if (ks.n == 2) {
			CXCursor sl = strip(kid(&ks, 0));
			struct opnd o = expr(L, sl);
			if (o.var && is_var_ref(sl, NULL))
				kill_var(L, o.var, c);
		}
		kids_free(&ks);
		return opaque;
	}
	case CXCursor_UnaryOperator:
		return unop(L, c);
	case CXCursor_ConditionalOperator:
		return conditional(L, c);
	case CXCursor_StmtExpr:
		return stmt_expr(L, c);
	case CXCursor_InitListExpr: {
		/* Members of an initialized aggregate own what is put in them. */
		struct kids ks;
		kids_get(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			store_into_place(L, expr(L, kid(&ks, i)), kid(&ks, i));
		kids_free(&ks);
		return opaque;
	}
	case CXCursor_UnaryExpr:	/* sizeof, alignof: not evaluated */
		return opaque;
	case CXCursor_LambdaExpr:
		if (lower_cxx) {	/* its body is a function of its own */
			struct cck_loc at = loc_of(L->tu, c);
			cck_loc_resolve(L->tu, &at);
			struct pending_lambda pl = { c, g_strdup_printf("%s::lambda@%u:%u",
				cck_str(&L->tu->strs, L->f->name), at.line, at.col) };
			if (!pending_lambdas)
				pending_lambdas = g_array_new(FALSE, FALSE, sizeof(struct pending_lambda));
			g_array_append_val(pending_lambdas, pl);
			return opaque;
		}
		lower_children(L, c);
		return opaque;
	case CXCursor_CXXNewExpr:
	case CXCursor_CXXDeleteExpr:
		return new_delete(L, c, clang_getCursorKind(c) == CXCursor_CXXNewExpr);
	case CXCursor_UnexposedExpr: {
		int sk = suspend_expr(c);
		if (sk)
			return coroutine_suspend(L, c, sk == 2);
		lower_children(L, c);
		return opaque;
	}
	default:
		lower_children(L, c);
		return opaque;
	}
}

/* ---- conditions ------------------------------------------------------- */

static enum cck_cmp cmp_of(enum CXBinaryOperatorKind op, bool *ok)
{
	*ok = true;
	switch (op) {
	case CXBinaryOperator_EQ: return CCK_CMP_EQ;
	case CXBinaryOperator_NE: return CCK_CMP_NE;
	case CXBinaryOperator_LT: return CCK_CMP_LT;
	case CXBinaryOperator_LE: return CCK_CMP_LE;
	case CXBinaryOperator_GT: return CCK_CMP_GT;
	case CXBinaryOperator_GE: return CCK_CMP_GE;
	default: *ok = false; return CCK_CMP_NE;
	}
}

static bool is_unsigned(CXCursor e)
{
	switch (clang_getCanonicalType(clang_getCursorType(e)).kind) {
	case CXType_UChar: case CXType_UShort: case CXType_UInt:
	case CXType_ULong: case CXType_ULongLong: case CXType_UInt128:
	case CXType_Char_U:
		return true;
	default:
		return false;
	}
}

static enum cck_cmp cmp_swap(enum cck_cmp op)
{
	switch (op) {
	case CCK_CMP_LT: return CCK_CMP_GT;
	case CCK_CMP_LE: return CCK_CMP_GE;
	case CCK_CMP_GT: return CCK_CMP_LT;
	case CCK_CMP_GE: return CCK_CMP_LE;
	default: return op;
	}
}

static bool is_literalish(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	return k == CXCursor_IntegerLiteral || k == CXCursor_CharacterLiteral ||
	       k == CXCursor_UnaryExpr;
}

/* Lowers a condition into a branch to t or f, splitting && || ! ?: and
 * comma so that each comparison of a variable becomes its own branch. */
/* Whether e is the address of a local object: "&x", or a local array
 * (which decays to its address). No allocation ever returns one. */
static bool local_address(struct lower *L, CXCursor e, const struct opnd *o)
{
	if (!o->var)
		return false;
	bool local = g_hash_table_contains(L->locals, GUINT_TO_POINTER(o->var));
	if (o->addr_of)
		return local;
	CXCursor d;
	if (!local || !is_var_ref(strip(e), &d) || clang_getCursorKind(d) != CXCursor_VarDecl ||
	    clang_Cursor_getStorageClass(d) == CX_SC_Static)
		return false;
	return clang_getCanonicalType(clang_getCursorType(d)).kind == CXType_ConstantArray;
}

static void cond(struct lower *L, CXCursor c, uint32_t t, uint32_t f)
{
	if (too_deep(L)) {	/* still a terminator: the CFG stays well formed */
		branch(L, 0, CCK_CMP_NE, 0, t, f);
		return;
	}
	c = strip(c);
	enum CXCursorKind kind = clang_getCursorKind(c);
	int64_t k;
	if (is_literalish(c) && eval_int(c, &k)) {
		jump(L, k ? t : f);
		return;
	}
	struct kids ks;
	if (kind == CXCursor_CallExpr && clang_Cursor_getNumArguments(c) == 2) {
		CXString s = clang_getCursorSpelling(c);	/* likely(), unlikely() */
		bool expect = !strcmp(clang_getCString(s), "__builtin_expect");
		clang_disposeString(s);
		if (expect) {
			expr(L, clang_Cursor_getArgument(c, 1));
			cond(L, clang_Cursor_getArgument(c, 0), t, f);
			return;
		}
	}
	if (kind == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		kids_get(c, &ks);
		if (ks.n != 2) {
			kids_free(&ks);
			goto plain;
		}
		CXCursor a = kid(&ks, 0), b = kid(&ks, 1);
		kids_free(&ks);
		if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			struct cck_block *mid = new_block(L);
			if (op == CXBinaryOperator_LAnd)
				cond(L, a, mid->id, f);
			else
				cond(L, a, t, mid->id);
			set_cur(L, mid);
			cond(L, b, t, f);
			return;
		}
		if (op == CXBinaryOperator_Comma) {
			expr(L, a);
			cond(L, b, t, f);
			return;
		}
		bool ok;
		enum cck_cmp cmp = cmp_of(op, &ok);
		/* An ordering made in unsigned arithmetic is not the signed
		 * one of the same variable: (unsigned)rc > 3 holds for rc < 0. */
		if (ok && cmp != CCK_CMP_EQ && cmp != CCK_CMP_NE &&
		    (is_unsigned(a) || is_unsigned(b))) {
			expr(L, a);
			expr(L, b);
			branch(L, 0, CCK_CMP_NE, 0, t, f);
			return;
		}
		if (ok) {
			struct opnd x = expr(L, a), y = expr(L, b);
			need_value(&x);
			need_value(&y);
			if (!y.is_const && is_literalish(strip(b)))
				y.is_const = eval_int(strip(b), &y.k);
			if (!x.is_const && is_literalish(strip(a)))
				x.is_const = eval_int(strip(a), &x.k);
			if (!y.is_const && !x.is_const && eval_int(strip(b), &y.k))
				y.is_const = true;	/* NULL, -ECANCELED, enums */
			if (!x.is_const && !x.var && y.var && eval_int(strip(a), &x.k))
				x.is_const = true;	/* "-ECANCELED == rc" */
			if (x.var && !x.addr_of && y.is_const) {
				branch(L, x.var, cmp, y.k, t, f);
			} else if (y.var && !y.addr_of && x.is_const) {
				branch(L, y.var, cmp_swap(cmp), x.k, t, f);
			} else if ((cmp == CCK_CMP_EQ || cmp == CCK_CMP_NE) && x.var &&
				   !x.addr_of && local_address(L, b, &y)) {
				branch(L, x.var, cmp, 0, t, f);
				L->last_branch->cmp_local = 1;
			} else if ((cmp == CCK_CMP_EQ || cmp == CCK_CMP_NE) && y.var &&
				   !y.addr_of && local_address(L, a, &x)) {
				branch(L, y.var, cmp, 0, t, f);
				L->last_branch->cmp_local = 1;
			} else {
				branch(L, 0, CCK_CMP_NE, 0, t, f);
			}
			return;
		}
		goto plain;
	}
	if (kind == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
		kids_get(c, &ks);
		CXCursor sub = kid(&ks, 0);
		kids_free(&ks);
		cond(L, sub, f, t);
		return;
	}
	if (kind == CXCursor_ConditionalOperator) {
		kids_get(c, &ks);
		if (ks.n == 3) {
			CXCursor cc = kid(&ks, 0), a = kid(&ks, 1), b = kid(&ks, 2);
			kids_free(&ks);
			struct cck_block *bt = new_block(L), *bf = new_block(L);
			cond(L, cc, bt->id, bf->id);
			set_cur(L, bt);
			cond(L, a, t, f);
			set_cur(L, bf);
			cond(L, b, t, f);
			return;
		}
		kids_free(&ks);
	}
plain:;
	struct opnd o = expr(L, c);
	need_value(&o);
	if (o.is_const) {
		jump(L, o.k ? t : f);
		return;
	}
	branch(L, o.addr_of ? 0 : o.var, CCK_CMP_NE, 0, t, f);
}

/* ---- statements ------------------------------------------------------- */

/* Runs the cleanup-attribute handlers of scopes deeper than depth, as
 * leaving those scopes does. */
/* Where leaving a scope runs its cleanups: the closing brace when falling
 * off the end of a block, else the statement that leaves. */
static uint32_t scope_exit_raw(struct lower *L, CXCursor at)
{
	if (clang_getCursorKind(at) != CXCursor_CompoundStmt)
		return loc_of(L->tu, at).raw;
	CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(at));
	CXFile file;
	unsigned line, col;
	clang_getExpansionLocation(end, &file, &line, &col, NULL);
	if (!file || col < 2)
		return loc_of(L->tu, at).raw;
	/* the range ends after the '}' */
	CXSourceLocation brace = clang_getLocation(clang_Cursor_getTranslationUnit(at),
						   file, line, col - 1);
	return brace.int_data;
}

static void leave_scopes(struct lower *L, unsigned depth, CXCursor at, bool pop)
{
	uint32_t raw = 0;
	for (int i = (int)L->scoped->len - 1; i >= 0; i--) {
		struct scoped_cleanup *sc = &g_array_index(L->scoped,
			struct scoped_cleanup, i);
		if (sc->scope <= depth)
			break;
		struct cck_cleanup *cl = &g_array_index(L->f->cleanups,
			struct cck_cleanup, sc->cleanup);
		if (!L->cur)
			continue;
		if (!raw)
			raw = scope_exit_raw(L, at);
		/* glibc's frame is popped where pthread_cleanup_pop sets __do_it */
		uint32_t here = sc->clframe && L->clframe_pop_raw ? L->clframe_pop_raw : raw;
		emit(L, CCK_EV_CLEANUP_POP, at)->loc.raw = here;
		if (cl->handler && (!sc->clframe || L->clframe_do_it)) {
			struct cck_event *e = emit_call(L, at, cl->handler, &cl->arg, 1);
			e->loc.raw = here;
			e->model = CCK_CALL_RUNS_CLEANUP;
		}
	}
	if (pop)
		while (L->scoped->len && g_array_index(L->scoped, struct scoped_cleanup,
						       L->scoped->len - 1).scope > depth)
			g_array_set_size(L->scoped, L->scoped->len - 1);
}

/* "cleanup(fn)" on a variable: read the handler name from the tokens. */
/* The handler named by "cleanup ( name" among the tokens of r (at their
 * start only, if first), or 0. */
static cck_sym cleanup_in(struct lower *L, CXTranslationUnit tu, CXSourceRange r, bool first)
{
	CXToken *tok;
	unsigned n;
	cck_sym h = 0;
	clang_tokenize(tu, r, &tok, &n);
	for (unsigned j = 0; j + 2 < n && !h && (!first || j == 0); j++) {
		CXString s = clang_getTokenSpelling(tu, tok[j]);
		const char *p = clang_getCString(s);
		bool is = !strcmp(p, "cleanup") || !strcmp(p, "__cleanup__");
		clang_disposeString(s);
		if (!is)
			continue;
		CXString t = clang_getTokenSpelling(tu, tok[j + 2]);
		h = cck_intern(&L->tu->strs, clang_getCString(t));
		clang_disposeString(t);
	}
	clang_disposeTokens(tu, tok, n);
	return h;
}

static cck_sym cleanup_attr(struct lower *L, CXCursor var)
{
	struct kids ks;
	kids_get(var, &ks);
	cck_sym r = 0;
	for (unsigned i = 0; i < ks.n && !r; i++) {
		CXCursor a = kid(&ks, i);
		if (clang_getCursorKind(a) != CXCursor_UnexposedAttr)
			continue;
		CXTranslationUnit tu = clang_Cursor_getTranslationUnit(a);
		r = cleanup_in(L, tu, clang_getCursorExtent(a), false);
		if (!r) {	/* written by a macro (cco's CCO_UNLOCK_ON_EXIT) */
			CXSourceRange sr = cck_attr_spelled_range(a, 128);
			if (!clang_Range_isNull(sr))
				r = cleanup_in(L, tu, sr, true);
		}
	}
	kids_free(&ks);
	return r;
}

static cck_sym function_named_by(struct lower *L, CXCursor e)
{
	e = strip(e);
	if (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_AddrOf) {
		struct kids ks;
		kids_get(e, &ks);
		e = strip(kid(&ks, 0));
		kids_free(&ks);
	}
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return 0;
	if (clang_getCursorKind(clang_getCursorReferenced(e)) != CXCursor_FunctionDecl)
		return 0;
	return spelling_sym(L->tu, e);
}

static enum CXChildVisitResult scoped_attr(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_getCursorKind(c) != CXCursor_UnexposedAttr)
		return CXChildVisit_Continue;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXSourceRange r = cck_attr_spelled_range(c, 64);
	if (clang_Range_isNull(r))
		r = clang_getCursorExtent(c);
	CXToken *tok;
	unsigned n;
	clang_tokenize(tu, r, &tok, &n);
	for (unsigned i = 0; i < n && !*(bool *)d; i++) {
		CXString s = clang_getTokenSpelling(tu, tok[i]);
		const char *p = clang_getCString(s);
		*(bool *)d = !strcmp(p, "scoped_lockable") || !strcmp(p, "__scoped_lockable__");
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tok, n);
	return *(bool *)d ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* A lock guard's type: the standard ones (by class template), a class
 * the config lists under lock-guards, or a class marked scoped_lockable
 * (clang's thread-safety attributes). NULL for anything else. */
static const char *lock_guard_type(struct lower *L, CXCursor d, cck_sym *ty)
{
	static const char *const guards[] = {
		"std::lock_guard", "std::scoped_lock", "std::shared_lock", "std::unique_lock",
	};
	CXCursor td = clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(d)));
	CXCursor tmpl = clang_getSpecializedCursorTemplate(td);
	if (!clang_Cursor_isNull(tmpl))
		td = tmpl;
	enum CXCursorKind k = clang_getCursorKind(td);
	if (k != CXCursor_ClassTemplate && k != CXCursor_ClassDecl && k != CXCursor_StructDecl)
		return NULL;
	*ty = qualified_sym(L->tu, td);
	const char *tn = cck_str(&L->tu->strs, *ty);
	if (k == CXCursor_ClassTemplate)
		for (size_t i = 0; i < G_N_ELEMENTS(guards); i++)
			if (!strcmp(tn, guards[i]))
				return guards[i];
	if (L->tu->config && L->tu->config->lock_guards &&
	    g_hash_table_contains(L->tu->config->lock_guards, tn))
		return tn;
	bool scoped = false;
	CXCursor def = clang_getCursorDefinition(td);
	clang_visitChildren(clang_Cursor_isNull(def) ? td : def, scoped_attr, &scoped);
	return scoped ? tn : NULL;
}

/* A user's lock guard type acquires (as a thread-blocking lock) and its
 * destructor releases, unless the config or an annotation says otherwise. */
static void user_guard_roles(struct lower *L, cck_sym ty, cck_sym dtor)
{
	if (!cck_tu_role(L->tu, ty)) {
		struct cck_role *r = g_new(struct cck_role, 1);
		cck_role_init(r);
		r->acquires = 0;
		r->acquire_expr = g_strdup("$0");
		g_hash_table_insert(L->tu->decl_roles, GUINT_TO_POINTER(ty), r);
	}
	if (!cck_tu_role(L->tu, dtor)) {
		struct cck_role *r = g_new(struct cck_role, 1);
		cck_role_init(r);
		r->releases = 0;
		g_hash_table_insert(L->tu->decl_roles, GUINT_TO_POINTER(dtor), r);
	}
}

/* The guard variable an expression names (std::move(g), g), or 0. */
static cck_sym guard_var(struct lower *L, CXCursor e)
{
	for (int depth = 0; depth < 4; depth++) {
		e = strip(e);
		if (clang_getCursorKind(e) == CXCursor_DeclRefExpr) {
			cck_sym v = decl_sym(L->tu, clang_getCursorReferenced(e));
			return g_hash_table_contains(guard_cleanups, GUINT_TO_POINTER(v)) ? v : 0;
		}
		if (clang_getCursorKind(e) != CXCursor_CallExpr ||
		    clang_Cursor_getNumArguments(e) != 1)
			return 0;
		CXString s = clang_getCursorSpelling(e);
		bool mv = !strcmp(clang_getCString(s), "move");
		clang_disposeString(s);
		if (!mv)
			return 0;
		e = clang_Cursor_getArgument(e, 0);
	}
	return 0;
}

/* g no longer releases its mutex: released (g.release()) or moved from. */
static void disarm_guard(struct lower *L, cck_sym g, CXCursor at)
{
	uint32_t ci = GPOINTER_TO_UINT(g_hash_table_lookup(guard_cleanups, GUINT_TO_POINTER(g)));
	if (ci)
		emit(L, CCK_EV_CLEANUP_DISARM, at)->var = ci - 1;
}

/* "std::unique_lock l2(std::move(l));": l2 takes l's mutex over (no new
 * acquire): l's cleanup is disarmed, and l2 releases it instead. */
static bool moved_guard(struct lower *L, CXCursor d, cck_sym v, CXCursor from)
{
	cck_sym g = guard_var(L, from);
	if (!g)
		return false;	/* lowered as any variable */
	uint32_t ci = GPOINTER_TO_UINT(g_hash_table_lookup(guard_cleanups, GUINT_TO_POINTER(g))) - 1;
	struct cck_cleanup old = g_array_index(L->f->cleanups, struct cck_cleanup, ci);
	disarm_guard(L, g, d);
	uint32_t nci = add_cleanup(L, old.handler, old.arg, d, true);
	emit(L, CCK_EV_CLEANUP_PUSH, d)->var = nci;
	struct scoped_cleanup sc = { L->scope, nci, false };
	g_array_append_val(L->scoped, sc);
	const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(g));
	if (sub)
		g_hash_table_insert(L->subst, GUINT_TO_POINTER(v), (gpointer)sub);
	g_hash_table_insert(guard_cleanups, GUINT_TO_POINTER(v), GUINT_TO_POINTER(nci + 1));
	return true;
}

/* "l2 = std::move(l)": l2 lets its mutex go (if it holds it), and takes
 * l's over; l no longer releases anything. l2's cleanup keeps its place
 * (its scope) and now runs l's. */
static void move_assigned_guard(struct lower *L, cck_sym to, cck_sym from, CXCursor at)
{
	uint32_t ct = GPOINTER_TO_UINT(g_hash_table_lookup(guard_cleanups, GUINT_TO_POINTER(to))) - 1;
	uint32_t cf = GPOINTER_TO_UINT(g_hash_table_lookup(guard_cleanups, GUINT_TO_POINTER(from))) - 1;
	struct cck_cleanup old = g_array_index(L->f->cleanups, struct cck_cleanup, ct);
	struct cck_cleanup taken = g_array_index(L->f->cleanups, struct cck_cleanup, cf);
	emit_call(L, at, old.handler, &old.arg, 1);
	disarm_guard(L, from, at);
	uint32_t nci = add_cleanup(L, taken.handler, taken.arg, at, true);
	struct cck_event *e = emit(L, CCK_EV_CLEANUP_DISARM, at);
	e->var = ct;
	e->var2 = nci + 1;
	for (unsigned i = 0; i < L->scoped->len; i++) {
		struct scoped_cleanup *sc = &g_array_index(L->scoped, struct scoped_cleanup, i);
		if (sc->cleanup == ct)
			sc->cleanup = nci;
	}
	const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(from));
	if (sub)
		g_hash_table_insert(L->subst, GUINT_TO_POINTER(to), (gpointer)sub);
	g_hash_table_insert(guard_cleanups, GUINT_TO_POINTER(to), GUINT_TO_POINTER(nci + 1));
}

/* std::defer_lock, std::try_to_lock, std::adopt_lock: the guard does not
 * lock (it may later, or the mutex is already held). Known by type: the
 * tag is passed by value, through a copy. */
static bool lock_tag(CXCursor a)
{
	CXString s = clang_getTypeSpelling(clang_getCanonicalType(clang_getCursorType(a)));
	const char *p = clang_getCString(s);
	bool r = p && (strstr(p, "defer_lock_t") || strstr(p, "try_to_lock_t") ||
		       strstr(p, "adopt_lock_t"));
	clang_disposeString(s);
	return r;
}

/* A standard lock guard declared here ("std::lock_guard<std::mutex>
 * g(m);"): a call named by its type acquires each mutex it is given
 * (unless a tag says it does not lock), and a cleanup named by its
 * destructor releases them where the scope ends, and where the coroutine
 * is destroyed at a suspend point. The variable stands for its first
 * mutex, so that g.unlock() releases it. false if d is not one (a guard
 * moved from another is lowered as any variable). */
static bool lock_guard_decl(struct lower *L, CXCursor d, cck_sym v, CXCursor init)
{
	cck_sym ty = 0;
	const char *tn = lock_guard_type(L, d, &ty);
	if (!tn || clang_Cursor_isNull(init))
		return false;
	CXCursor call = strip(init);
	if (clang_getCursorKind(call) != CXCursor_CallExpr ||
	    clang_getCursorKind(clang_getCursorReferenced(call)) != CXCursor_Constructor)
		return false;
	int n = clang_Cursor_getNumArguments(call);
	const char *colon = strrchr(tn, ':'), *base = colon ? colon + 1 : tn;
	char *dn = g_strdup_printf("%s::~%s", tn, base);
	cck_sym dtor = cck_intern(&L->tu->strs, dn);
	g_free(dn);
	if (n < 1 && (!strcmp(tn, "std::unique_lock") || !strcmp(tn, "std::shared_lock"))) {
		/* holds nothing yet; a guard moved into it later */
		struct cck_arg none = { 0 };
		uint32_t ci = add_cleanup(L, dtor, none, d, true);
		emit(L, CCK_EV_CLEANUP_PUSH, d)->var = ci;
		struct scoped_cleanup sc = { L->scope, ci, false };
		g_array_append_val(L->scoped, sc);
		g_hash_table_insert(guard_cleanups, GUINT_TO_POINTER(v), GUINT_TO_POINTER(ci + 1));
		return true;
	}
	if (n < 1)
		return false;
	CXCursor a0 = clang_Cursor_getArgument(call, 0);
	cck_sym at = 0;
	if (lock_guard_type(L, a0, &at))
		return moved_guard(L, d, v, a0);
	bool all = !strcmp(tn, "std::scoped_lock");
	bool user = strncmp(tn, "std::", 5) != 0;
	int first = 0, last = all ? n - 1 : 0;
	bool acquire = true;
	if (all && lock_tag(a0)) {	/* scoped_lock(std::adopt_lock, m...) */
		first = 1;
		acquire = false;
	} else if (!all && n >= 2 && lock_tag(clang_Cursor_getArgument(call, 1))) {
		acquire = false;
	}
	if (user)
		user_guard_roles(L, ty, dtor);
	for (int i = first; i <= last; i++) {
		CXCursor a = clang_Cursor_getArgument(call, i);
		struct opnd o = expr(L, a);
		struct cck_arg ca = arg_of(L, a, &o);
		if (acquire)
			emit_call(L, d, ty, &ca, 1);
		uint32_t ci = add_cleanup(L, dtor, ca, d, true);
		emit(L, CCK_EV_CLEANUP_PUSH, d)->var = ci;
		struct scoped_cleanup sc = { L->scope, ci, false };
		g_array_append_val(L->scoped, sc);
		if (i == first && ca.key) {
			g_hash_table_insert(L->subst, GUINT_TO_POINTER(v),
					    (gpointer)cck_str(&L->tu->strs, ca.key));
			g_hash_table_insert(guard_cleanups, GUINT_TO_POINTER(v),
					    GUINT_TO_POINTER(ci + 1));
		}
	}
	return true;
}

static enum CXChildVisitResult dtor_member(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_getCursorKind(c) != CXCursor_Destructor)
		return CXChildVisit_Continue;
	*(CXCursor *)d = c;
	return CXChildVisit_Break;
}

/* The destructor a class of the program's own declares (not defaulted, not
 * deleted), for a variable of that class; a null cursor for anything else.
 * The standard library's classes are left to their models. */
static CXCursor user_dtor(CXCursor var)
{
	CXCursor dt = clang_getNullCursor();
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	if (t.kind != CXType_Record)
		return dt;
	CXCursor td = clang_getTypeDeclaration(t);
	if (clang_Cursor_isNull(td) ||
	    clang_Location_isInSystemHeader(clang_getCursorLocation(td)))
		return dt;
	CXCursor tmpl = clang_getSpecializedCursorTemplate(td);
	if (!clang_Cursor_isNull(tmpl))
		td = tmpl;
	CXCursor def = clang_getCursorDefinition(td);
	clang_visitChildren(clang_Cursor_isNull(def) ? td : def, dtor_member, &dt);
	if (!clang_Cursor_isNull(dt) &&
	    (clang_CXXMethod_isDefaulted(dt) || clang_CXXMethod_isDeleted(dt)))
		return clang_getNullCursor();
	return dt;
}

/* A user constructor called to build the variable being declared. */
static bool is_ctor_call(CXCursor e)
{
	return clang_getCursorKind(e) == CXCursor_CallExpr &&
	       clang_getCursorKind(clang_getCursorReferenced(e)) == CXCursor_Constructor &&
	       !clang_Location_isInSystemHeader(
		       clang_getCursorLocation(clang_getCursorReferenced(e)));
}

static bool names_place(CXCursor field)
{
	enum CXTypeKind k = clang_getCanonicalType(clang_getCursorType(field)).kind;
	return k == CXType_LValueReference || k == CXType_RValueReference ||
	       k == CXType_Pointer;
}

static void add_alias(struct lower *L, cck_sym v, CXCursor field, cck_sym to)
{
	if (!to)
		return;
	CXString fs = clang_getCursorSpelling(field);
	char *from = g_strdup_printf("%s.%s", cck_str(&L->tu->strs, v), clang_getCString(fs));
	clang_disposeString(fs);
	if (!L->f->aliases)
		L->f->aliases = g_hash_table_new(NULL, NULL);
	g_hash_table_insert(L->f->aliases, GUINT_TO_POINTER(cck_intern(&L->tu->strs, from)),
			    GUINT_TO_POINTER(to));
	g_free(from);
}

/* What a member initializer "m_(e)" of constructor ctor binds, for the
 * call c: e names a parameter (or its address, or what it points at),
 * and the argument c passes for it is a path. 0 otherwise. */
static cck_sym bound_by(struct lower *L, CXCursor ctor, CXCursor c, CXCursor e)
{
	const char *pattern = "$0";
	e = strip(e);
	if (clang_getCursorKind(e) == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(e);
		if (op != CXUnaryOperator_AddrOf && op != CXUnaryOperator_Deref)
			return 0;
		pattern = op == CXUnaryOperator_AddrOf ? "&$0" : "*$0";
		struct kids ks;
		kids_get(e, &ks);
		e = ks.n == 1 ? strip(kid(&ks, 0)) : clang_getNullCursor();
		kids_free(&ks);
	}
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return 0;
	CXCursor p = clang_getCursorReferenced(e);
	int np = clang_Cursor_getNumArguments(ctor);
	for (int i = 0; i < np && i < clang_Cursor_getNumArguments(c); i++) {
		if (!clang_equalCursors(clang_Cursor_getArgument(ctor, i), p))
			continue;
		struct cck_arg a = { .key = key_of(L, strip(clang_Cursor_getArgument(c, i)), true) };
		return a.key ? cck_key_subst(&L->tu->strs, pattern, &a, 1) : 0;
	}
	return 0;
}

struct field_walk {
	struct lower *L;
	cck_sym v;
	struct kids *inits;
	unsigned i;
};

static enum CXVisitorResult aggregate_field(CXCursor field, CXClientData d)
{
	struct field_walk *w = d;
	if (w->i >= w->inits->n)
		return CXVisit_Break;
	CXCursor e = kid(w->inits, w->i++);
	if (names_place(field))
		add_alias(w->L, w->v, field, key_of(w->L, strip(e), true));
	return CXVisit_Continue;
}

/* The reference and pointer members of v that its initializer binds to
 * paths, as aliases: "H h(mu)" with "H(std::mutex &m) : m_(m)" makes
 * h.m_ mu, so that what H's member functions and destructor do to m_
 * is done to mu. The same for an aggregate ("U u{mu}"). */
static void member_aliases(struct lower *L, cck_sym v, CXCursor init)
{
	CXCursor c = strip(init);
	if (clang_getCursorKind(c) == CXCursor_InitListExpr) {
		struct kids ks;
		kids_get(c, &ks);
		struct field_walk w = { L, v, &ks, 0 };
		clang_Type_visitFields(clang_getCanonicalType(clang_getCursorType(c)),
				       aggregate_field, &w);
		kids_free(&ks);
		return;
	}
	if (!is_ctor_call(c))
		return;
	CXCursor ctor = clang_getCursorDefinition(clang_getCursorReferenced(c));
	if (clang_Cursor_isNull(ctor))
		return;
	struct kids ks;
	kids_get(ctor, &ks);
	for (unsigned i = 0; i + 1 < ks.n; i++) {
		CXCursor m = kid(&ks, i);
		if (clang_getCursorKind(m) != CXCursor_MemberRef ||
		    !clang_isExpression(clang_getCursorKind(kid(&ks, i + 1))))
			continue;
		CXCursor field = clang_getCursorReferenced(m);
		if (names_place(field))
			add_alias(L, v, field, bound_by(L, ctor, c, kid(&ks, i + 1)));
	}
	kids_free(&ks);
}

/* A local object of a class of the program's own: its constructor is
 * called on it, and its destructor is a cleanup, run where its scope ends
 * and where the coroutine is destroyed at a suspend point (or the thread
 * unwinds on cancellation). */
static void object_decl(struct lower *L, CXCursor d, cck_sym v, CXCursor init)
{
	member_aliases(L, v, init);
	CXCursor dt = user_dtor(d);
	if (clang_Cursor_isNull(dt))
		return;
	struct cck_arg a = { .key = v, .text = v };
	uint32_t i = add_cleanup(L, decl_sym(L->tu, dt), a, d, true);
	emit(L, CCK_EV_CLEANUP_PUSH, d)->var = i;
	struct scoped_cleanup sc = { L->scope, i, false };
	g_array_append_val(L->scoped, sc);
}

static void var_decl(struct lower *L, CXCursor d)
{
	cck_sym v = spelling_sym(L->tu, d);
	if (!v)
		return;
	g_hash_table_add(L->locals, GUINT_TO_POINTER(v));
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
	if (sc != CX_SC_Static && sc != CX_SC_Extern) {
		enum CXTypeKind tk = clang_getCanonicalType(clang_getCursorType(d)).kind;
		g_hash_table_insert(L->frame, GUINT_TO_POINTER(v), GUINT_TO_POINTER(
			tk == CXType_ConstantArray || tk == CXType_VariableArray ? 2 : 1));
	} else {
		g_hash_table_remove(L->frame, GUINT_TO_POINTER(v));	/* shadows */
	}
	const char *name = cck_str(&L->tu->strs, v);
	/* Not "the last expression among its children": an array's size
	 * ("int a[3];") is one of them too. */
	CXCursor init = clang_Cursor_getVarDeclInitializer(d);
	if (clang_Cursor_isNull(init) || clang_getCursorKind(init) == CXCursor_InvalidFile)
		init = clang_getNullCursor();

	/* glibc's pthread_cleanup_push: remember routine and argument. */
	if (!strcmp(name, "__cancel_routine") && !clang_Cursor_isNull(init)) {
		L->push_routine = function_named_by(L, init);
		return;
	}
	if (!strcmp(name, "__cancel_arg") && !clang_Cursor_isNull(init)) {
		struct opnd o = expr(L, init);
		L->push_arg = arg_of(L, init, &o);
		return;
	}
	if (!strcmp(name, "__not_first_call") || !strcmp(name, "__cancel_buf"))
		return;
	if (lower_cxx && lock_guard_decl(L, d, v, init))
		return;
	/* With -fexceptions glibc registers the handler as a cleanup variable
	 * "__clframe = { routine, arg, do_it }". */
	if (!strcmp(name, "__clframe") && !clang_Cursor_isNull(init)) {
		L->tu->uses_cancellation = L->tu->saw_cancellation = true;
		struct kids il;
		kids_get(strip(init), &il);
		if (il.n >= 2) {
			CXCursor a1 = kid(&il, 1);
			struct opnd o = expr(L, a1);
			uint32_t i = add_cleanup(L, function_named_by(L, kid(&il, 0)),
						 arg_of(L, a1, &o), d, true);
			struct cck_event *e = emit(L, CCK_EV_CLEANUP_PUSH, d);
			e->var = i;
			struct scoped_cleanup sc = { L->scope, i, true };
			g_array_append_val(L->scoped, sc);
			L->clframe_do_it = 1;
		}
		kids_free(&il);
		return;
	}

	if (!clang_Cursor_isNull(init)) {
		if (lower_cxx && is_ctor_call(strip(init)))
			L->ctor_this = (struct cck_arg){ .key = v, .text = v };
		struct opnd o = expr(L, init);
		memset(&L->ctor_this, 0, sizeof L->ctor_this);
		assign_var(L, v, o, d);
		/* A local initialized from a path stands for it in later keys
		 * ("struct q *q = arg;" then "&q->mu" is "&arg->mu"). */
		CXCursor si = strip(init);
		cck_sym k = 0;
		if (clang_getCursorKind(si) != CXCursor_CallExpr && o.call_ev < 0)
			k = key_of(L, si, true);
		if (!k && o.var && !(o.var & CCK_TEMP) && !o.addr_of && o.call_ev < 0) {
			/* "(lock(m), m)": the value of a comma is its last operand */
			const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(o.var));
			k = sub ? cck_intern(&L->tu->strs, sub) : o.var;
		}
		if (k)
			g_hash_table_insert(L->subst, GUINT_TO_POINTER(v),
					    (gpointer)cck_str(&L->tu->strs, k));
	} else {
		kill_var(L, v, d);
	}
	if (lower_cxx)
		object_decl(L, d, v, init);

	cck_sym h = cleanup_attr(L, d);
	if (h) {
		/* &var, or the address of what var stands for ("held = m") */
		const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(v));
		struct cck_arg in = { .key = cck_intern(&L->tu->strs, sub ? sub : name) };
		struct cck_arg a = { .key = cck_key_subst(&L->tu->strs, "&$0", &in, 1),
				     .var = v, .addr_of = true };
		a.text = a.key;
		uint32_t i = add_cleanup(L, h, a, d, L->tu->exceptions);
		struct cck_event *e = emit(L, CCK_EV_CLEANUP_PUSH, d);
		e->var = i;
		struct scoped_cleanup sc = { L->scope, i, false };
		g_array_append_val(L->scoped, sc);
	}
}

static void push_loop(struct lower *L, uint32_t brk, uint32_t cont)
{
	struct loop lp = { brk, cont, L->scope };
	g_array_append_val(L->loops, lp);
}

static void pop_loop(struct lower *L)
{
	g_array_set_size(L->loops, L->loops->len - 1);
}

/* for (init; cond; inc) body: libclang omits absent parts, so tell them
 * apart by where each child starts relative to the header's semicolons. */
static void for_parts(CXCursor c, const struct kids *ks, CXCursor parts[4])
{
	for (int i = 0; i < 4; i++)
		parts[i] = clang_getNullCursor();
	parts[3] = kid(ks, ks->n - 1);
	if (ks->n == 4) {
		for (int i = 0; i < 3; i++)
			parts[i] = kid(ks, i);
		return;
	}
	if (ks->n == 1)
		return;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXToken *tok;
	unsigned n;
	CXSourceRange header = clang_getRange(
		clang_getRangeStart(clang_getCursorExtent(c)),
		clang_getRangeStart(clang_getCursorExtent(parts[3])));
	clang_tokenize(tu, header, &tok, &n);
	unsigned semi[2] = { 0, 0 }, ns = 0, depth = 0;
	for (unsigned i = 0; i < n && ns < 2; i++) {
		CXString s = clang_getTokenSpelling(tu, tok[i]);
		const char *p = clang_getCString(s);
		if (!strcmp(p, "(") || !strcmp(p, "{") || !strcmp(p, "["))
			depth++;
		else if (!strcmp(p, ")") || !strcmp(p, "}") || !strcmp(p, "]"))
			depth--;
		else if (!strcmp(p, ";") && depth == 1) {
			CXSourceLocation l = clang_getTokenLocation(tu, tok[i]);
			clang_getFileLocation(l, NULL, NULL, NULL, &semi[ns++]);
		}
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tok, n);
	for (unsigned i = 0; i + 1 < ks->n; i++) {
		CXCursor k = kid(ks, i);
		unsigned off;
		clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(k)),
				      NULL, NULL, NULL, &off);
		int slot;
		if (ns == 2)
			slot = off < semi[0] ? 0 : off < semi[1] ? 1 : 2;
		else	/* from a macro: guess by shape */
			slot = clang_getCursorKind(k) == CXCursor_DeclStmt ? 0 : 1;
		parts[slot] = k;
	}
}

static void stmt_for(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	if (!ks.n) {
		kids_free(&ks);
		return;
	}
	CXCursor p[4];
	for_parts(c, &ks, p);
	kids_free(&ks);
	L->scope++;
	if (!clang_Cursor_isNull(p[0]))
		stmt(L, p[0]);
	struct cck_block *head = new_block(L), *body = new_block(L),
			 *inc = new_block(L), *exit = new_block(L);
	jump(L, head->id);
	set_cur(L, head);
	if (!clang_Cursor_isNull(p[1]))
		cond(L, p[1], body->id, exit->id);
	else
		jump(L, body->id);
	set_cur(L, body);
	push_loop(L, exit->id, inc->id);
	stmt(L, p[3]);
	pop_loop(L);
	jump(L, inc->id);
	set_cur(L, inc);
	if (!clang_Cursor_isNull(p[2]))
		expr(L, p[2]);
	jump(L, head->id);
	set_cur(L, exit);
	leave_scopes(L, L->scope - 1, c, true);
	L->scope--;
}

static void stmt_while(struct lower *L, CXCursor c, bool is_do)
{
	struct kids ks;
	kids_get(c, &ks);
	if (ks.n != 2) {
		kids_free(&ks);
		return;
	}
	CXCursor cc = is_do ? kid(&ks, 1) : kid(&ks, 0);
	CXCursor body = is_do ? kid(&ks, 0) : kid(&ks, 1);
	kids_free(&ks);
	struct cck_block *head = new_block(L), *bb = new_block(L),
			 *exit = new_block(L);
	jump(L, is_do ? bb->id : head->id);
	set_cur(L, head);
	cond(L, cc, bb->id, exit->id);
	set_cur(L, bb);
	push_loop(L, exit->id, head->id);
	stmt(L, body);
	pop_loop(L);
	jump(L, head->id);
	set_cur(L, exit);
}

/* for (decl : range) body: the range is evaluated once, and the body runs
 * any number of times. */
static void stmt_for_range(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	if (ks.n < 2) {
		kids_free(&ks);
		return;
	}
	CXCursor body = kid(&ks, ks.n - 1);
	for (unsigned i = 0; i + 1 < ks.n; i++)
		if (clang_isExpression(clang_getCursorKind(kid(&ks, i))))
			expr(L, kid(&ks, i));
	kids_free(&ks);
	struct cck_block *head = new_block(L), *bb = new_block(L), *exit = new_block(L);
	jump(L, head->id);
	set_cur(L, head);
	branch(L, 0, CCK_CMP_NE, 0, bb->id, exit->id);
	set_cur(L, bb);
	push_loop(L, exit->id, head->id);
	L->scope++;
	stmt(L, body);
	leave_scopes(L, L->scope - 1, body, true);
	L->scope--;
	pop_loop(L);
	jump(L, head->id);
	set_cur(L, exit);
}

static void stmt_if(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	if (ks.n < 2) {
		kids_free(&ks);
		return;
	}
	CXCursor cc = kid(&ks, 0), then = kid(&ks, 1);
	CXCursor els = ks.n > 2 ? kid(&ks, 2) : clang_getNullCursor();
	kids_free(&ks);

	/* glibc's "if (__not_first_call)": the longjmp return of the cancel
	 * path; the handler it runs is modelled by the cleanup push. */
	CXCursor sc = strip(cc);
	if (clang_getCursorKind(sc) == CXCursor_CallExpr) {
		CXString s = clang_getCursorSpelling(sc);
		bool expect = !strcmp(clang_getCString(s), "__builtin_expect");
		clang_disposeString(s);
		if (expect && clang_Cursor_getNumArguments(sc) == 2)
			sc = strip(clang_Cursor_getArgument(sc, 0));
	}
	if (clang_getCursorKind(sc) == CXCursor_DeclRefExpr) {
		CXString s = clang_getCursorSpelling(sc);
		bool nfc = !strcmp(clang_getCString(s), "__not_first_call");
		clang_disposeString(s);
		if (nfc)
			return;
	}

	struct cck_block *bt = new_block(L), *join = new_block(L);
	struct cck_block *bf = clang_Cursor_isNull(els) ? join : new_block(L);
	cond(L, cc, bt->id, bf->id);
	set_cur(L, bt);
	stmt(L, then);
	jump(L, join->id);
	if (!clang_Cursor_isNull(els)) {
		set_cur(L, bf);
		stmt(L, els);
		jump(L, join->id);
	}
	set_cur(L, join);
}

static void stmt_switch(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	if (ks.n < 2) {
		kids_free(&ks);
		return;
	}
	CXCursor cc = kid(&ks, ks.n - 2), body = kid(&ks, ks.n - 1);
	kids_free(&ks);
	struct opnd sv = expr(L, cc);
	struct cck_block *dispatch = cur(L), *exit = new_block(L);
	dispatch->term = CCK_T_SWITCH;
	dispatch->cmp_var = sv.addr_of ? 0 : sv.var;
	dispatch->cases = g_array_new(FALSE, FALSE, sizeof(struct cck_case));
	dispatch->term_loc = loc_of(L->tu, c);
	L->cur = NULL;
	uint32_t d = dispatch->id;
	g_array_append_val(L->switches, d);
	push_loop(L, exit->id, UINT32_MAX);
	stmt(L, body);
	pop_loop(L);
	g_array_set_size(L->switches, L->switches->len - 1);
	jump(L, exit->id);
	/* Without a default the dispatch may match no case. */
	bool has_default = false;
	for (unsigned i = 0; i < dispatch->cases->len; i++)
		has_default |= g_array_index(dispatch->cases, struct cck_case, i).is_default;
	if (!has_default) {
		struct cck_case none = { .is_default = true };
		cck_block_add_succ(dispatch, exit->id);
		g_array_append_val(dispatch->cases, none);
	}
	set_cur(L, exit);
}

static void stmt_case(struct lower *L, CXCursor c, bool is_default)
{
	struct cck_block *b = new_block(L);
	jump(L, b->id);	/* fallthrough from the previous case */
	struct kids ks;
	kids_get(c, &ks);
	if (L->switches->len) {
		uint32_t d = g_array_index(L->switches, uint32_t, L->switches->len - 1);
		struct cck_block *disp = g_ptr_array_index(L->f->blocks, d);
		struct cck_case cs = { .is_default = is_default };
		if (!is_default && ks.n == 2)	/* "case K:"; GNU ranges stay unknown */
			cs.known = eval_int(kid(&ks, 0), &cs.k);
		cck_block_add_succ(disp, b->id);
		g_array_append_val(disp->cases, cs);
	}
	set_cur(L, b);
	if (ks.n)
		stmt(L, kid(&ks, ks.n - 1));
	kids_free(&ks);
}

static uint32_t label_block(struct lower *L, cck_sym name)
{
	gpointer p = g_hash_table_lookup(L->labels, GUINT_TO_POINTER(name));
	if (p)
		return GPOINTER_TO_UINT(p) - 1;
	struct cck_block *b = new_block(L);
	g_hash_table_insert(L->labels, GUINT_TO_POINTER(name),
			    GUINT_TO_POINTER(b->id + 1));
	return b->id;
}

/* Leaves the function at c, returning ret (0: nothing tracked). */
static void leave_function(struct lower *L, CXCursor c, cck_sym ret)
{
	leave_scopes(L, 0, c, false);
	struct cck_block *b = cur(L);
	b->term = CCK_T_RETURN;
	b->ret = ret;
	b->term_loc = loc_of(L->tu, c);
	L->cur = NULL;
}

static void stmt_return(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	struct opnd o = ks.n ? expr(L, kid(&ks, 0)) : opaque;
	kids_free(&ks);
	leave_function(L, c, o.addr_of ? 0 : o.var);
}

static void stmt_compound(struct lower *L, CXCursor c)
{
	struct kids ks;
	kids_get(c, &ks);
	L->scope++;
	for (unsigned i = 0; i < ks.n; i++)
		stmt(L, kid(&ks, i));
	leave_scopes(L, L->scope - 1, c, true);
	L->scope--;
	kids_free(&ks);
}

static void stmt(struct lower *L, CXCursor c)
{
	if (too_deep(L))
		return;
	enum CXCursorKind k = clang_getCursorKind(c);
	struct kids ks;
	switch (k) {
	case CXCursor_CompoundStmt:
		stmt_compound(L, c);
		return;
	case CXCursor_DeclStmt:
		kids_get(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			if (clang_getCursorKind(kid(&ks, i)) == CXCursor_VarDecl)
				var_decl(L, kid(&ks, i));
		kids_free(&ks);
		return;
	case CXCursor_IfStmt:
		stmt_if(L, c);
		return;
	case CXCursor_WhileStmt:
		stmt_while(L, c, false);
		return;
	case CXCursor_DoStmt:
		stmt_while(L, c, true);
		return;
	case CXCursor_ForStmt:
		stmt_for(L, c);
		return;
	case CXCursor_SwitchStmt:
		stmt_switch(L, c);
		return;
	case CXCursor_CaseStmt:
		stmt_case(L, c, false);
		return;
	case CXCursor_DefaultStmt:
		stmt_case(L, c, true);
		return;
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt: {
		if (!L->loops->len)
			return;
		unsigned i = L->loops->len;
		struct loop *lp;
		do	/* continue skips enclosing switches */
			lp = &g_array_index(L->loops, struct loop, --i);
		while (k == CXCursor_ContinueStmt && lp->cont == UINT32_MAX && i > 0);
		uint32_t to = k == CXCursor_BreakStmt ? lp->brk : lp->cont;
		if (to == UINT32_MAX)
			return;
		leave_scopes(L, lp->scope, c, false);
		jump(L, to);
		return;
	}
	case CXCursor_ReturnStmt:
		stmt_return(L, c);
		return;
	case CXCursor_GotoStmt: {
		CXCursor lab = clang_getCursorReferenced(c);
		cck_sym name = spelling_sym(L->tu, lab);
		if (name)
			jump(L, label_block(L, name));
		else
			L->cur = NULL;
		return;
	}
	case CXCursor_IndirectGotoStmt: {
		struct pending_goto pg = { cur(L)->id, 0 };
		g_array_append_val(L->gotos, pg);
		L->cur->term = CCK_T_SWITCH;
		L->cur = NULL;
		return;
	}
	case CXCursor_LabelStmt: {
		uint32_t b = label_block(L, spelling_sym(L->tu, c));
		jump(L, b);
		set_cur(L, g_ptr_array_index(L->f->blocks, b));
		kids_get(c, &ks);
		if (ks.n)
			stmt(L, kid(&ks, ks.n - 1));
		kids_free(&ks);
		return;
	}
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
		return;
	case CXCursor_CXXForRangeStmt:
		stmt_for_range(L, c);
		return;
	case CXCursor_CXXTryStmt:
		/* exceptions are not modelled: the try block runs, and the
		 * handlers are left out */
		kids_get(c, &ks);
		if (ks.n && clang_getCursorKind(kid(&ks, 0)) == CXCursor_CompoundStmt)
			stmt(L, kid(&ks, 0));
		kids_free(&ks);
		return;
	case CXCursor_UnexposedStmt: {
		static const char *const co_return[] = { "co_return", NULL };
		if (lower_cxx && starts_with_word(c, co_return)) {
			/* the promise's return_value(e) / return_void(), then
			 * leave as a return does */
			lower_children(L, c);
			leave_function(L, c, 0);
			return;
		}
		if (lower_cxx)
			lower_children(L, c);
		return;
	}
	default:
		if (clang_isExpression(k) || k == CXCursor_StmtExpr) {
			L->stmt_expr = strip(c);
			struct opnd o = expr(L, c);
			L->stmt_expr = clang_getNullCursor();
			/* a call as a statement, or cast to void: its result is dropped */
			if (o.call_ev >= 0 && o.call_block == L->cur && L->cur &&
			    clang_getCursorKind(strip(c)) == CXCursor_CallExpr)
				g_array_index(L->cur->raw, struct cck_event, o.call_ev).model |=
					CCK_CALL_DISCARDED;
		}
		return;
	}
}

/* Calls whose result only a local never read afterwards receives. */
static void mark_unread(struct cck_func *f)
{
	for (unsigned i = 0; i < f->blocks->len; i++) {
		struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; b->raw && j < b->raw->len; j++) {
			struct cck_event *e = &g_array_index(b->raw, struct cck_event, j);
			if (e->kind == CCK_EV_CALL && e->res && !(e->res & CCK_TEMP) &&
			    g_hash_table_contains(f->locals, GUINT_TO_POINTER(e->res)) &&
			    !g_hash_table_contains(f->reads, GUINT_TO_POINTER(e->res)))
				e->model |= CCK_CALL_UNREAD;
		}
	}
}

/* ---- functions -------------------------------------------------------- */

/* A constructor's member initializers, before its body: "p_(p)" stores
 * p in the object, which owns it from then on. */
static void member_inits(struct lower *L, CXCursor ctor)
{
	struct kids ks;
	kids_get(ctor, &ks);
	for (unsigned i = 0; i + 1 < ks.n && L->cur; i++) {
		CXCursor e = kid(&ks, i + 1);
		if (clang_getCursorKind(kid(&ks, i)) != CXCursor_MemberRef ||
		    !clang_isExpression(clang_getCursorKind(e)))
			continue;
		struct opnd o = expr(L, e);
		store_into_place(L, o, e);
	}
	kids_free(&ks);
}

static void lower_function(struct cck_tu *tu, CXCursor fn, CXCursor body, cck_sym name)
{
	struct cck_func *f = cck_func_new();
	f->name = name ? name : decl_sym(tu, fn);
	f->loc = loc_of(tu, fn);
	cck_loc_resolve(tu, &f->loc);
	f->internal = name || clang_getCursorLinkage(fn) == CXLinkage_Internal;
	CXType rt = clang_getResultType(clang_getCursorType(fn));
	f->returns_value = name || rt.kind != CXType_Void;

	struct lower L = {
		.tu = tu, .f = f,
		.labels = g_hash_table_new(NULL, NULL),
		.gotos = g_array_new(FALSE, FALSE, sizeof(struct pending_goto)),
		.loops = g_array_new(FALSE, FALSE, sizeof(struct loop)),
		.switches = g_array_new(FALSE, FALSE, sizeof(uint32_t)),
		.scoped = g_array_new(FALSE, FALSE, sizeof(struct scoped_cleanup)),
		.subst = g_hash_table_new(NULL, NULL),
		.locals = f->locals,
		.push_stack = g_array_new(FALSE, FALSE, sizeof(uint32_t)),
		.last_popped = -1,
		.globals_read = g_hash_table_new(NULL, NULL),
		.frame = g_hash_table_new(NULL, NULL),
		.stmt_expr = clang_getNullCursor(),
	};
	int np = clang_Cursor_getNumArguments(fn);
	int self = lower_cxx && cck_has_this(fn);
	if (self) {	/* the object: "this" is its address */
		cck_sym p = cck_intern(&tu->strs, "this");
		g_array_append_val(f->params, p);
	}
	for (int i = 0; i < np; i++) {
		CXCursor pc = clang_Cursor_getArgument(fn, i);
		cck_sym p = spelling_sym(tu, pc);
		g_array_append_val(f->params, p);
		CXType pt = clang_getCanonicalType(clang_getCursorType(pc));
		if (i + self < 32 && pt.kind == CXType_Pointer)
			f->param_ptr |= 1u << (i + self);
	}
	GHashTable *outer_guards = guard_cleanups;	/* a lambda's are its own */
	guard_cleanups = g_hash_table_new(NULL, NULL);
	struct tree tree;
	stack_floor_init();
	tree_build(&tree, body);
	body_tree = &tree;
	set_cur(&L, new_block(&L));
	L.too_deep = tree.too_deep;
	if (lower_cxx && clang_getCursorKind(fn) == CXCursor_Constructor)
		member_inits(&L, fn);
	stmt(&L, body);
	body_tree = NULL;
	tree_free(&tree);
	g_hash_table_unref(guard_cleanups);
	guard_cleanups = outer_guards;
	if (L.cur) {	/* falling off the end returns */
		L.cur->term = CCK_T_RETURN;
		L.cur->term_loc = loc_of_end(tu, body);
	}
	/* Computed gotos may reach any label. */
	for (unsigned i = 0; i < L.gotos->len; i++) {
		struct pending_goto *pg = &g_array_index(L.gotos, struct pending_goto, i);
		struct cck_block *b = g_ptr_array_index(f->blocks, pg->block);
		GHashTableIter it;
		gpointer key, val;
		g_hash_table_iter_init(&it, L.labels);
		while (g_hash_table_iter_next(&it, &key, &val))
			cck_block_add_succ(b, GPOINTER_TO_UINT(val) - 1);
		if (!b->nsucc)
			b->term = CCK_T_NORETURN;
	}
	/* Blocks never closed (labels never reached by fallthrough) return. */
	for (unsigned i = 0; i < f->blocks->len; i++) {
		struct cck_block *b = g_ptr_array_index(f->blocks, i);
		if (b->term == CCK_T_NONE)
			b->term = CCK_T_RETURN;
	}
	f->has_role = cck_read_annotations(fn, &f->role);
	if (f->has_role) {	/* must_use alone leaves the rest to its summary */
		struct cck_role rest = f->role;
		rest.must_use = false;
		rest.nonblocking = false;
		f->has_role = !cck_role_is_empty(&rest);
	}
	mark_unread(f);
	g_hash_table_unref(L.labels);
	g_array_free(L.gotos, TRUE);
	g_array_free(L.loops, TRUE);
	g_array_free(L.switches, TRUE);
	g_array_free(L.scoped, TRUE);
	g_hash_table_unref(L.subst);
	g_array_free(L.push_stack, TRUE);
	g_hash_table_unref(L.globals_read);
	g_hash_table_unref(L.frame);

	if (L.too_deep) {	/* said, never silently skipped */
		if (tu->notes)
			g_string_append_printf(tu->notes, "%s:%u:%u: warning: '%s' nests too "
				"deeply to follow; not analyzed\n", cck_str(&tu->strs, f->loc.file),
				f->loc.line, f->loc.col, cck_str(&tu->strs, f->name));
		cck_func_free(f);
		return;
	}
	if (g_hash_table_contains(tu->func_by_name, GUINT_TO_POINTER(f->name))) {
		cck_func_free(f);	/* a second definition: keep the first */
		return;
	}
	g_ptr_array_add(tu->funcs, f);
	g_hash_table_insert(tu->func_by_name, GUINT_TO_POINTER(f->name), f);
	if (tu->lowered)	/* the driver's: analyze it now if it can be */
		tu->lowered(tu, f);
}

/* Functions an initializer names: whoever reads the variable may call
 * them (a table of callbacks). */
struct named {
	struct cck_tu *tu;
	GArray *fns;
};

static enum CXChildVisitResult functions_named(CXCursor c, CXCursor parent, CXClientData d)
{
	struct named *n = d;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	CXCursor r = clang_getCursorReferenced(c);
	if (clang_getCursorKind(r) == CXCursor_FunctionDecl) {
		cck_sym s = decl_sym(n->tu, r);
		g_array_append_val(n->fns, s);
	}
	return CXChildVisit_Continue;
}

static void table(struct cck_tu *tu, CXCursor var)
{
	GArray *fns = g_array_new(FALSE, FALSE, sizeof(cck_sym));
	struct named n = { tu, fns };
	clang_visitChildren(var, functions_named, &n);
	if (!fns->len) {
		g_array_unref(fns);
		return;
	}
	cck_sym v = decl_sym(tu, var);
	GArray *old = g_hash_table_lookup(tu->tables, GUINT_TO_POINTER(v));
	if (old) {
		g_array_append_vals(old, fns->data, fns->len);
		g_array_unref(fns);
	} else {
		g_hash_table_insert(tu->tables, GUINT_TO_POINTER(v), fns);
	}
	if (clang_Cursor_getStorageClass(var) == CX_SC_Static)
		g_hash_table_add(tu->static_vars, GUINT_TO_POINTER(v));
}

static enum CXChildVisitResult promise_type_member(CXCursor c, CXCursor parent,
						   CXClientData d)
{
	CXString s = clang_getCursorSpelling(c);
	*(bool *)d = !strcmp(clang_getCString(s), "promise_type");
	clang_disposeString(s);
	return *(bool *)d ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Whether fn returns a coroutine type: a class with a member
 * promise_type (what std::coroutine_traits looks for). */
static bool returns_task(CXCursor fn)
{
	CXType rt = clang_getCanonicalType(clang_getResultType(clang_getCursorType(fn)));
	if (rt.kind != CXType_Record)
		return false;
	CXCursor d = clang_getTypeDeclaration(rt);
	CXCursor t = clang_getSpecializedCursorTemplate(d);
	bool found = false;
	clang_visitChildren(clang_Cursor_isNull(t) ? d : t, promise_type_member, &found);
	return found;
}

/* Lowers the body of a function (or lambda) definition: its block, or in
 * C++ a coroutine's, which comes first in the statement that wraps it
 * with what the compiler adds (the promise, the initial and final
 * suspends). */
static void lower_definition(struct cck_tu *tu, CXCursor c, cck_sym name)
{
	struct kids ks;
	kids_get(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		CXCursor b = kid(&ks, i);
		enum CXCursorKind bk = clang_getCursorKind(b);
		if (bk == CXCursor_CompoundStmt) {
			lower_function(tu, c, b, name);
		} else if (lower_cxx && bk == CXCursor_UnexposedStmt) {
			struct kids bks;
			kids_get(b, &bks);
			if (bks.n && clang_getCursorKind(kid(&bks, 0)) == CXCursor_CompoundStmt)
				lower_function(tu, c, kid(&bks, 0), name);
			kids_free(&bks);
		}
	}
	kids_free(&ks);
}

/* C++ declarations whose members may be function definitions. */
static bool cxx_scope(enum CXCursorKind k)
{
	return k == CXCursor_Namespace || k == CXCursor_ClassDecl || k == CXCursor_StructDecl ||
	       k == CXCursor_ClassTemplate || k == CXCursor_ClassTemplatePartialSpecialization;
}

/* Declarations whose definitions are lowered: functions, and in C++
 * member functions (constructors and destructors included) and templates. */
static bool lowered_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl ||
	       (lower_cxx && k != CXCursor_FunctionDecl && is_function_kind(k));
}

/* Every function declaration contributes its annotations to the role of
 * its name; definitions outside system headers are lowered. */
static enum CXChildVisitResult top(CXCursor c, CXCursor parent, CXClientData d)
{
	struct cck_tu *tu = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
		return CXChildVisit_Recurse;
	if (lower_cxx && cxx_scope(k))
		return clang_Location_isInSystemHeader(clang_getCursorLocation(c))
			? CXChildVisit_Continue : CXChildVisit_Recurse;
	if (k == CXCursor_VarDecl &&
	    !clang_Location_isInSystemHeader(clang_getCursorLocation(c))) {
		table(tu, c);
		return CXChildVisit_Continue;
	}
	if (!lowered_kind(k))
		return CXChildVisit_Continue;
	if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;	/* calls record that per callee */
	cck_sym name = decl_sym(tu, c);
	struct cck_role r;
	bool has = cck_read_annotations(c, &r);
	if (lower_cxx && returns_task(c)) {
		r.must_use = r.returns_task = true;
		has = true;
	}
	if (has) {
		struct cck_role *old = g_hash_table_lookup(tu->decl_roles,
							   GUINT_TO_POINTER(name));
		if (!old) {
			old = g_new(struct cck_role, 1);
			*old = r;
			g_hash_table_insert(tu->decl_roles, GUINT_TO_POINTER(name), old);
		} else {
			g_free(r.acquire_expr);
			g_free(r.release_expr);
			g_free(r.try_acquire_expr);
		}
	}
	if (clang_isCursorDefinition(c)) {
		lower_definition(tu, c, 0);
		/* then the lambdas it holds, and theirs */
		while (pending_lambdas && pending_lambdas->len) {
			struct pending_lambda pl = g_array_index(pending_lambdas,
				struct pending_lambda, pending_lambdas->len - 1);
			g_array_set_size(pending_lambdas, pending_lambdas->len - 1);
			lower_definition(tu, pl.lambda, cck_intern(&tu->strs, pl.name));
			g_free(pl.name);
		}
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult definitions(CXCursor c, CXCursor parent, CXClientData d)
{
	struct cck_tu *tu = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
		return CXChildVisit_Recurse;
	if (lower_cxx && cxx_scope(k))
		return clang_Location_isInSystemHeader(clang_getCursorLocation(c))
			? CXChildVisit_Continue : CXChildVisit_Recurse;
	if (lowered_kind(k) && clang_isCursorDefinition(c) &&
	    !clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
		g_hash_table_add(tu->defined, GUINT_TO_POINTER(decl_sym(tu, c)));
	return CXChildVisit_Continue;
}

void cck_lower_tu(struct cck_tu *tu, CXTranslationUnit ctu)
{
	lower_cxx = tu->cxx;
	if (tu->incremental)	/* which callees are worth waiting for */
		clang_visitChildren(clang_getTranslationUnitCursor(ctu), definitions, tu);
	/* Annotations first: a call may precede the annotated declaration of
	 * its callee only through an earlier declaration, which carries them
	 * too, so one pass in order suffices. */
	clang_visitChildren(clang_getTranslationUnitCursor(ctu), top, tu);
}
