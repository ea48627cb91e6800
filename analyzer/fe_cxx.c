/* Front end, C++ only: coroutine suspends, new and delete, Asio races,
 * lock guards, and the program's own classes (constructors, destructors,
 * members bound to paths). */
#include "fe.h"

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
	e = fe_strip(e);
	if (clang_getCursorKind(e) != CXCursor_CallExpr)
		return 0;
	CXCursor ref = clang_getCursorReferenced(e);
	if (!fe_is_function_kind(clang_getCursorKind(ref)))
		return 0;
	CXCursor obj;
	if (fe_member_object(e, &obj) == 2)
		*stream = fe_object_key(L, obj, fe_key_of(L, fe_strip(obj), true));
	if (!*stream && clang_Cursor_getNumArguments(e) > 0)
		*stream = fe_key_of(L, fe_strip(clang_Cursor_getArgument(e, 0)), true);
	return fe_decl_sym(L->tu, ref);
}

/* co_await (a || b) with Asio's awaitable operators: the side that loses
 * is cancelled. A write on either side may then stop part way. */
static void awaited_race(struct lower *L, CXCursor op, CXCursor at)
{
	op = fe_strip(op);
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
	fe_kids_get(op, &ks);
	CXCursor side[2];
	unsigned n = 0;
	for (unsigned i = 0; i < ks.n; i++) {	/* the operands, around the operator */
		CXCursor k = fe_strip(fe_kid(&ks, i));
		CXString s = clang_getCursorSpelling(k);
		bool oper = clang_getCursorKind(k) == CXCursor_DeclRefExpr &&
			    !strcmp(clang_getCString(s), "operator||");
		clang_disposeString(s);
		if (!oper && n < 2)
			side[n++] = fe_kid(&ks, i);
	}
	fe_kids_free(&ks);
	if (n != 2)
		return;
	cck_sym st[2], fn[2];
	for (unsigned i = 0; i < 2; i++)
		fn[i] = race_side(L, side[i], &st[i]);
	for (unsigned i = 0; i < 2; i++)
		if (fn[i] && is_async_write(cck_str(&L->tu->strs, fn[i]))) {
			struct cck_event *e = fe_emit(L, CCK_EV_RACE, at);
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
struct opnd fe_coroutine_suspend(struct lower *L, CXCursor c, bool yield)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	if (ks.n == 1 && fe_suspend_expr(fe_kid(&ks, 0))) {	/* a conversion around it */
		CXCursor in = fe_kid(&ks, 0);
		fe_kids_free(&ks);
		return fe_coroutine_suspend(L, in, fe_suspend_expr(in) == 2);
	}
	if (ks.n) {
		if (!yield)
			awaited_race(L, fe_kid(&ks, 0), c);
		fe_expr(L, fe_kid(&ks, 0));
	}
	fe_kids_free(&ks);
	struct opnd r = opaque;
	r.var = fe_temp(L);
	struct cck_event *e = fe_emit_call(L, c, cck_intern(&L->tu->strs,
						yield ? "co_yield" : "co_await"), NULL, 0);
	e->res = r.var;
	return r;
}

/* new T(...), new T[n]: a fresh owned value, from a call named
 * "operator new" ("operator new[]"); delete p, delete[] p: p consumed by
 * "operator delete". A placement new is left as it is (nothing owned). */
struct opnd fe_new_delete(struct lower *L, CXCursor c, bool is_new)
{
	/* From the tokens: "new (" is a placement new; "new T[" an array,
	 * unless "(" or "{" comes first; "delete [" an array delete. */
	bool array = false, placement = false, seen = false, done = false;
	GPtrArray *t = fe_tokens(clang_Cursor_getTranslationUnit(c), clang_getCursorExtent(c),
				 G_MAXUINT);
	for (unsigned i = 0; i < t->len && !done; i++) {
		const char *p = t->pdata[i];
		if (!seen) {
			seen = !strcmp(p, is_new ? "new" : "delete");
		} else if (!is_new) {
			array = !strcmp(p, "[");
			done = true;
		} else if (!strcmp(p, "(") && i > 0) {
			placement = !strcmp(t->pdata[i - 1], "new");
			done = true;
		} else if (!strcmp(p, "{")) {
			done = true;
		} else if (!strcmp(p, "[")) {
			array = done = true;
		}
	}
	g_ptr_array_free(t, TRUE);
	struct kids ks;
	fe_kids_get(c, &ks);
	struct cck_arg a = { 0 };
	for (unsigned i = 0; i < ks.n; i++) {
		CXCursor k = fe_kid(&ks, i);
		if (!clang_isExpression(clang_getCursorKind(k)))
			continue;
		struct opnd o = fe_expr(L, k);
		if (!is_new)
			a = fe_arg_of(L, k, &o);
	}
	fe_kids_free(&ks);
	if (is_new && placement)
		return opaque;
	const char *name = is_new ? (array ? "operator new[]" : "operator new")
				  : (array ? "operator delete[]" : "operator delete");
	struct opnd r = opaque;
	struct cck_event *e = fe_emit_call(L, c, cck_intern(&L->tu->strs, name), &a, is_new ? 0 : 1);
	if (is_new) {
		r.var = fe_temp(L);
		e->res = r.var;
		r.call_block = L->cur;
		r.call_ev = L->cur->raw->len - 1;
	}
	return r;
}

static enum CXChildVisitResult scoped_attr(CXCursor c, CXCursor parent, CXClientData d)
{
	if (clang_getCursorKind(c) != CXCursor_UnexposedAttr)
		return CXChildVisit_Continue;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXSourceRange r = cck_attr_spelled_range(c, 64);
	if (clang_Range_isNull(r))
		r = clang_getCursorExtent(c);
	GPtrArray *t = fe_tokens(tu, r, G_MAXUINT);
	for (unsigned i = 0; i < t->len && !*(bool *)d; i++)
		*(bool *)d = !strcmp(t->pdata[i], "scoped_lockable") ||
			     !strcmp(t->pdata[i], "__scoped_lockable__");
	g_ptr_array_free(t, TRUE);
	return *(bool *)d ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The class a type names: its declaration, or for a template's
 * specialization the template (whose members are the ones lowered). */
static CXCursor class_of(CXType t)
{
	CXCursor td = clang_getTypeDeclaration(clang_getCanonicalType(t));
	CXCursor tmpl = clang_getSpecializedCursorTemplate(td);
	return clang_Cursor_isNull(tmpl) ? td : tmpl;
}

/* A lock guard's type: the standard ones (by class template), a class
 * the config lists under lock-guards, or a class marked scoped_lockable
 * (clang's thread-safety attributes). NULL for anything else. */
static const char *lock_guard_type(struct lower *L, CXCursor d, cck_sym *ty)
{
	static const char *const guards[] = {
		"std::lock_guard", "std::scoped_lock", "std::shared_lock", "std::unique_lock",
	};
	CXCursor td = class_of(clang_getCursorType(d));
	enum CXCursorKind k = clang_getCursorKind(td);
	if (k != CXCursor_ClassTemplate && k != CXCursor_ClassDecl && k != CXCursor_StructDecl)
		return NULL;
	*ty = fe_qualified_sym(L->tu, td);
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
cck_sym fe_guard_var(struct lower *L, CXCursor e)
{
	for (int depth = 0; depth < 4; depth++) {
		e = fe_strip(e);
		if (clang_getCursorKind(e) == CXCursor_DeclRefExpr) {
			cck_sym v = fe_decl_sym(L->tu, clang_getCursorReferenced(e));
			return g_hash_table_contains(fe_guard_cleanups, GUINT_TO_POINTER(v)) ? v : 0;
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
void fe_disarm_guard(struct lower *L, cck_sym g, CXCursor at)
{
	uint32_t ci = GPOINTER_TO_UINT(g_hash_table_lookup(fe_guard_cleanups, GUINT_TO_POINTER(g)));
	if (ci)
		fe_emit(L, CCK_EV_CLEANUP_DISARM, at)->var = ci - 1;
}

/* "std::unique_lock l2(std::move(l));": l2 takes l's mutex over (no new
 * acquire): l's cleanup is disarmed, and l2 releases it instead. */
static bool moved_guard(struct lower *L, CXCursor d, cck_sym v, CXCursor from)
{
	cck_sym g = fe_guard_var(L, from);
	if (!g)
		return false;	/* lowered as any variable */
	uint32_t ci = GPOINTER_TO_UINT(g_hash_table_lookup(fe_guard_cleanups, GUINT_TO_POINTER(g))) - 1;
	struct cck_cleanup old = g_array_index(L->f->cleanups, struct cck_cleanup, ci);
	fe_disarm_guard(L, g, d);
	uint32_t nci = fe_scoped_cleanup(L, old.handler, old.arg, d, true, false);
	const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(g));
	if (sub)
		g_hash_table_insert(L->subst, GUINT_TO_POINTER(v), (gpointer)sub);
	g_hash_table_insert(fe_guard_cleanups, GUINT_TO_POINTER(v), GUINT_TO_POINTER(nci + 1));
	return true;
}

/* "l2 = std::move(l)": l2 lets its mutex go (if it holds it), and takes
 * l's over; l no longer releases anything. l2's cleanup keeps its place
 * (its scope) and now runs l's. */
void fe_move_assigned_guard(struct lower *L, cck_sym to, cck_sym from, CXCursor at)
{
	uint32_t ct = GPOINTER_TO_UINT(g_hash_table_lookup(fe_guard_cleanups, GUINT_TO_POINTER(to))) - 1;
	uint32_t cf = GPOINTER_TO_UINT(g_hash_table_lookup(fe_guard_cleanups, GUINT_TO_POINTER(from))) - 1;
	struct cck_cleanup old = g_array_index(L->f->cleanups, struct cck_cleanup, ct);
	struct cck_cleanup taken = g_array_index(L->f->cleanups, struct cck_cleanup, cf);
	fe_emit_call(L, at, old.handler, &old.arg, 1);
	fe_disarm_guard(L, from, at);
	uint32_t nci = fe_add_cleanup(L, taken.handler, taken.arg, at, true);
	struct cck_event *e = fe_emit(L, CCK_EV_CLEANUP_DISARM, at);
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
	g_hash_table_insert(fe_guard_cleanups, GUINT_TO_POINTER(to), GUINT_TO_POINTER(nci + 1));
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
bool fe_lock_guard_decl(struct lower *L, CXCursor d, cck_sym v, CXCursor init)
{
	cck_sym ty = 0;
	const char *tn = lock_guard_type(L, d, &ty);
	if (!tn || clang_Cursor_isNull(init))
		return false;
	CXCursor call = fe_strip(init);
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
		uint32_t ci = fe_scoped_cleanup(L, dtor, none, d, true, false);
		g_hash_table_insert(fe_guard_cleanups, GUINT_TO_POINTER(v), GUINT_TO_POINTER(ci + 1));
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
		struct opnd o = fe_expr(L, a);
		struct cck_arg ca = fe_arg_of(L, a, &o);
		if (acquire)
			fe_emit_call(L, d, ty, &ca, 1);
		uint32_t ci = fe_scoped_cleanup(L, dtor, ca, d, true, false);
		if (i == first && ca.key) {
			g_hash_table_insert(L->subst, GUINT_TO_POINTER(v),
					    (gpointer)cck_str(&L->tu->strs, ca.key));
			g_hash_table_insert(fe_guard_cleanups, GUINT_TO_POINTER(v),
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
	CXCursor td = class_of(t);
	if (clang_Cursor_isNull(td) ||
	    clang_Location_isInSystemHeader(clang_getCursorLocation(td)))
		return dt;
	CXCursor def = clang_getCursorDefinition(td);
	clang_visitChildren(clang_Cursor_isNull(def) ? td : def, dtor_member, &dt);
	if (!clang_Cursor_isNull(dt) &&
	    (clang_CXXMethod_isDefaulted(dt) || clang_CXXMethod_isDeleted(dt)))
		return clang_getNullCursor();
	return dt;
}

/* A user constructor called to build the variable being declared. */
bool fe_is_ctor_call(CXCursor e)
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
	e = fe_strip(e);
	if (clang_getCursorKind(e) == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(e);
		if (op != CXUnaryOperator_AddrOf && op != CXUnaryOperator_Deref)
			return 0;
		pattern = op == CXUnaryOperator_AddrOf ? "&$0" : "*$0";
		struct kids ks;
		fe_kids_get(e, &ks);
		e = ks.n == 1 ? fe_strip(fe_kid(&ks, 0)) : clang_getNullCursor();
		fe_kids_free(&ks);
	}
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return 0;
	CXCursor p = clang_getCursorReferenced(e);
	int np = clang_Cursor_getNumArguments(ctor);
	for (int i = 0; i < np && i < clang_Cursor_getNumArguments(c); i++) {
		if (!clang_equalCursors(clang_Cursor_getArgument(ctor, i), p))
			continue;
		struct cck_arg a = { .key = fe_key_of(L, fe_strip(clang_Cursor_getArgument(c, i)), true) };
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
	CXCursor e = fe_kid(w->inits, w->i++);
	if (names_place(field))
		add_alias(w->L, w->v, field, fe_key_of(w->L, fe_strip(e), true));
	return CXVisit_Continue;
}

/* The reference and pointer members of v that its initializer binds to
 * paths, as aliases: "H h(mu)" with "H(std::mutex &m) : m_(m)" makes
 * h.m_ mu, so that what H's member functions and destructor do to m_
 * is done to mu. The same for an aggregate ("U u{mu}"). */
static void member_aliases(struct lower *L, cck_sym v, CXCursor init)
{
	CXCursor c = fe_strip(init);
	if (clang_getCursorKind(c) == CXCursor_InitListExpr) {
		struct kids ks;
		fe_kids_get(c, &ks);
		struct field_walk w = { L, v, &ks, 0 };
		clang_Type_visitFields(clang_getCanonicalType(clang_getCursorType(c)),
				       aggregate_field, &w);
		fe_kids_free(&ks);
		return;
	}
	if (!fe_is_ctor_call(c))
		return;
	CXCursor ctor = clang_getCursorDefinition(clang_getCursorReferenced(c));
	if (clang_Cursor_isNull(ctor))
		return;
	struct kids ks;
	fe_kids_get(ctor, &ks);
	for (unsigned i = 0; i + 1 < ks.n; i++) {
		CXCursor m = fe_kid(&ks, i);
		if (clang_getCursorKind(m) != CXCursor_MemberRef ||
		    !clang_isExpression(clang_getCursorKind(fe_kid(&ks, i + 1))))
			continue;
		CXCursor field = clang_getCursorReferenced(m);
		if (names_place(field))
			add_alias(L, v, field, bound_by(L, ctor, c, fe_kid(&ks, i + 1)));
	}
	fe_kids_free(&ks);
}

/* A local object of a class of the program's own: its constructor is
 * called on it, and its destructor is a cleanup, run where its scope ends
 * and where the coroutine is destroyed at a suspend point (or the thread
 * unwinds on cancellation). */
void fe_object_decl(struct lower *L, CXCursor d, cck_sym v, CXCursor init)
{
	member_aliases(L, v, init);
	CXCursor dt = user_dtor(d);
	if (clang_Cursor_isNull(dt))
		return;
	struct cck_arg a = { .key = v, .text = v };
	fe_scoped_cleanup(L, fe_decl_sym(L->tu, dt), a, d, true, false);
}

/* ---- functions -------------------------------------------------------- */

/* A constructor's member initializers, before its body: "p_(p)" stores
 * p in the object, which owns it from then on. */
void fe_member_inits(struct lower *L, CXCursor ctor)
{
	struct kids ks;
	fe_kids_get(ctor, &ks);
	for (unsigned i = 0; i + 1 < ks.n && L->cur; i++) {
		CXCursor e = fe_kid(&ks, i + 1);
		if (clang_getCursorKind(fe_kid(&ks, i)) != CXCursor_MemberRef ||
		    !clang_isExpression(clang_getCursorKind(e)))
			continue;
		struct opnd o = fe_expr(L, e);
		fe_store_into_place(L, o, e);
	}
	fe_kids_free(&ks);
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
bool fe_returns_task(CXCursor fn)
{
	CXType rt = clang_getCanonicalType(clang_getResultType(clang_getCursorType(fn)));
	if (rt.kind != CXType_Record)
		return false;
	bool found = false;
	clang_visitChildren(class_of(rt), promise_type_member, &found);
	return found;
}
