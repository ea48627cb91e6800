/* Front end: libclang helpers (a body's tree of cursors, children,
 * casts seen through, tokens, locations, names of declarations). */
#define _GNU_SOURCE	/* pthread_getattr_np */
#include <pthread.h>
#include "fe.h"

/* The buffers of the last tree, reused by the next function's. */
static __thread struct tree spare;
/* Reused: keys are rendered one at a time. */
__thread GString *fe_key_buf;

/* A thread's buffers go when the thread ends (the -j workers, the
 * language server's): glib runs this on each thread that set it. */
static void thread_buffers_free(gpointer unused)
{
	g_free(spare.nodes);
	g_free(spare.stack);
	g_free(spare.keys);
	g_free(spare.vals);
	memset(&spare, 0, sizeof spare);
	if (fe_key_buf)
		g_string_free(fe_key_buf, TRUE);
	fe_key_buf = NULL;
}

GPrivate fe_thread_buffers = G_PRIVATE_INIT(thread_buffers_free);

__thread struct tree *fe_body_tree;

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

void fe_stack_floor_init(void)
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
bool fe_stack_low(void)
{
	return (char *)__builtin_frame_address(0) < stack_floor;
}

static enum CXChildVisitResult tree_visit(CXCursor c, CXCursor parent, CXClientData d)
{
	struct tree *t = d;
	if (fe_stack_low()) {	/* libclang's visitor recurses too */
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

void fe_tree_build(struct tree *t, CXCursor body)
{
	*t = spare;
	t->len = t->depth = 0;
	t->too_deep = false;
	if (!t->stack) {
		t->stack_cap = 64;
		t->stack = g_new(uint32_t, t->stack_cap);
		g_private_set(&fe_thread_buffers, GINT_TO_POINTER(1));
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

void fe_tree_free(struct tree *t)
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

void fe_kids_get(CXCursor c, struct kids *k)
{
	k->n = 0;
	k->more = NULL;
	k->node = NULL;
	const struct tree *t = fe_body_tree;
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

CXCursor fe_kid(const struct kids *k, unsigned i)
{
	return k->more ? g_array_index(k->more, CXCursor, i) : k->v[i];
}

void fe_kids_free(struct kids *k)
{
	if (k->more)
		g_array_free(k->more, TRUE);
}

/* Expressions wrapped in parens and implicit or explicit casts. */
/* The TU being lowered is C++ (set by cck_lower_tu). */
__thread bool fe_lower_cxx;
__thread GArray *fe_pending_lambdas;

/* Whether the first token of c is one of the words (NULL-terminated). */
bool fe_starts_with_word(CXCursor c, const char *const *words)
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
int fe_suspend_expr(CXCursor c)
{
	static const char *const await[] = { "co_await", NULL }, *const yield[] = { "co_yield", NULL };
	if (!fe_lower_cxx || clang_getCursorKind(c) != CXCursor_UnexposedExpr)
		return 0;
	return fe_starts_with_word(c, await) ? 1 : fe_starts_with_word(c, yield) ? 2 : 0;
}

CXCursor fe_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
		    k != CXCursor_CStyleCastExpr && k != CXCursor_CXXStaticCastExpr &&
		    k != CXCursor_CXXConstCastExpr && k != CXCursor_CXXReinterpretCastExpr &&
		    k != CXCursor_CXXFunctionalCastExpr)
			return c;
		/* its last child is the awaiter's await_resume() */
		if (k == CXCursor_UnexposedExpr && fe_suspend_expr(c))
			return c;
		struct kids ks;
		fe_kids_get(c, &ks);
		if (ks.n == 0) {
			fe_kids_free(&ks);
			return c;
		}
		CXCursor last = fe_kid(&ks, ks.n - 1);	/* casts list a TypeRef first */
		fe_kids_free(&ks);
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

struct cck_loc fe_loc_of(struct cck_tu *tu, CXCursor c)
{
	return loc_at(tu, clang_getCursorLocation(c));
}

/* The closing brace of a body: where falling off its end returns. */
struct cck_loc fe_loc_of_end(struct cck_tu *tu, CXCursor body)
{
	CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(body));
	CXFile file;
	unsigned off;
	clang_getSpellingLocation(end, &file, NULL, NULL, &off);
	if (!file || !off)
		return fe_loc_of(tu, body);
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

cck_sym fe_spelling_sym(struct cck_tu *tu, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *p = clang_getCString(s);
	cck_sym r = p && *p ? cck_intern(&tu->strs, p) : 0;
	clang_disposeString(s);
	return r;
}

/* Names of declarations, cached by the declaration: getting a spelling
 * and interning it costs more than the rest of lowering a reference. */
bool fe_is_function_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod ||
	       k == CXCursor_Constructor || k == CXCursor_Destructor ||
	       k == CXCursor_FunctionTemplate || k == CXCursor_ConversionFunction;
}

/* A C++ function's name with its namespaces and classes, without template
 * arguments or inline namespaces: "std::mutex::lock", "app::conn::send".
 * A function of the global namespace keeps its plain name. */
cck_sym fe_qualified_sym(struct cck_tu *tu, CXCursor decl)
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

cck_sym fe_decl_sym(struct cck_tu *tu, CXCursor decl)
{
	gpointer key = (gpointer)decl.data[0];
	gpointer v = g_hash_table_lookup(tu->decl_syms, key);
	if (v)
		return GPOINTER_TO_UINT(v);
	cck_sym s = fe_lower_cxx && fe_is_function_kind(clang_getCursorKind(decl))
		? fe_qualified_sym(tu, decl) : fe_spelling_sym(tu, decl);
	g_hash_table_insert(tu->decl_syms, key, GUINT_TO_POINTER(s));
	return s;
}

GPtrArray *fe_tokens(CXTranslationUnit tu, CXSourceRange r, unsigned max)
{
	CXToken *tok;
	unsigned n;
	clang_tokenize(tu, r, &tok, &n);
	GPtrArray *out = g_ptr_array_new_full(MIN(n, max), g_free);
	for (unsigned i = 0; i < n && i < max; i++) {
		CXString s = clang_getTokenSpelling(tu, tok[i]);
		g_ptr_array_add(out, g_strdup(clang_getCString(s)));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tok, n);
	return out;
}

static enum CXChildVisitResult noreturn_attr(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_getCursorKind(c) != CXCursor_UnexposedAttr)
		return CXChildVisit_Continue;
	GPtrArray *t = fe_tokens(clang_Cursor_getTranslationUnit(c), clang_getCursorExtent(c), 2);
	for (unsigned i = 0; i < t->len; i++) {
		const char *p = t->pdata[i];
		if (!strcmp(p, "noreturn") || !strcmp(p, "__noreturn__") ||
		    !strcmp(p, "_Noreturn"))
			*(bool *)d = true;
	}
	g_ptr_array_free(t, TRUE);
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

const struct callee_info *fe_callee_of(struct cck_tu *tu, CXCursor ref)
{
	gpointer key = (gpointer)ref.data[0];
	struct callee_info *ci = g_hash_table_lookup(tu->callee_info, key);
	if (ci)
		return ci;
	ci = g_new0(struct callee_info, 1);
	ci->name = fe_decl_sym(tu, ref);
	const char *n = cck_str(&tu->strs, ci->name);
	ci->system = clang_Location_isInSystemHeader(clang_getCursorLocation(ref));
	const struct cck_role *role = cck_tu_role(tu, ci->name);
	ci->noreturn = (role && role->noreturn) || fe_is_noreturn_name(n) || has_noreturn_attr(ref);
	ci->cancel_use = cck_posix_uses_cancellation(n);
	/* posix roles apply once cancellation is seen: ask the table directly */
	const struct cck_role *pr = cck_model_role(CCK_MODEL_POSIX, n);
	ci->const_args = (role && role->shield == CCK_SHIELD_BY_ARG0) ||
			 (pr && pr->shield == CCK_SHIELD_BY_ARG0);
	g_hash_table_insert(tu->callee_info, key, ci);
	return ci;
}

bool fe_eval_int(CXCursor c, int64_t *out)
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
