/* Front end: the lowering context, guard keys, expressions, calls and
 * conditions. */
#include "fe.h"

/* The cleanup (index + 1) of each C++ lock guard variable in scope. */
__thread GHashTable *fe_guard_cleanups;

/* Once set, lowering unwinds without looking further: the function is
 * dropped (lower_function). */
bool fe_too_deep(struct lower *L)
{
	if (!L->too_deep && fe_stack_low())
		L->too_deep = true;
	return L->too_deep;
}

struct cck_block *fe_new_block(struct lower *L)
{
	return cck_block_new(L->f);
}

void fe_set_cur(struct lower *L, struct cck_block *b)
{
	L->cur = b;
}

/* Code after return/break/goto is unreachable; give it a block anyway so
 * that labels inside it can be jumped to. */
struct cck_block *fe_cur(struct lower *L)
{
	if (!L->cur)
		L->cur = fe_new_block(L);
	return L->cur;
}

void fe_jump(struct lower *L, uint32_t to)
{
	if (!L->cur)
		return;
	L->cur->term = CCK_T_GOTO;
	cck_block_add_succ(L->cur, to);
	L->cur = NULL;
}

void fe_branch(struct lower *L, cck_sym var, enum cck_cmp op, int64_t k,
	       uint32_t t, uint32_t f)
{
	struct cck_block *b = fe_cur(L);
	L->last_branch = b;
	b->term = CCK_T_BRANCH;
	b->cmp_var = var;
	b->cmp_op = op;
	b->cmp_k = k;
	cck_block_add_succ(b, t);
	cck_block_add_succ(b, f);
	L->cur = NULL;
}

struct cck_event *fe_emit(struct lower *L, enum cck_ev_kind kind, CXCursor at)
{
	struct cck_block *b = fe_cur(L);
	struct cck_event e = { .kind = kind, .uid = ++L->f->next_uid };
	e.loc = fe_loc_of(L->tu, at);
	if (!b->raw)
		b->raw = g_array_new(FALSE, FALSE, sizeof(struct cck_event));
	g_array_append_val(b->raw, e);
	return &g_array_index(b->raw, struct cck_event, b->raw->len - 1);
}

cck_sym fe_temp(struct lower *L)
{
	return CCK_TEMP | ++L->ntemp;
}

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
	c = fe_strip(c);
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
		fe_kids_get(c, &ks);
		if (ks.n < 1 && fe_lower_cxx) {	/* a member of *this, named alone */
			fe_kids_free(&ks);
			CXString s = clang_getCursorSpelling(c);
			g_string_append_printf(out, "this->%s", clang_getCString(s));
			clang_disposeString(s);
			return;
		}
		if (ks.n < 1) {
			fe_kids_free(&ks);
			g_string_append_c(out, '?');
			return;
		}
		CXCursor base = fe_kid(&ks, 0);
		fe_kids_free(&ks);
		key_text(L, base, out, depth + 1, subst);
		g_string_append(out, is_member_arrow(c, fe_strip(base)) ? "->" : ".");
		CXString s = clang_getCursorSpelling(c);
		g_string_append(out, clang_getCString(s));
		clang_disposeString(s);
		return;
	}
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
		if (op != CXUnaryOperator_AddrOf && op != CXUnaryOperator_Deref)
			break;
		fe_kids_get(c, &ks);
		CXCursor sub = fe_kid(&ks, 0);
		fe_kids_free(&ks);
		g_string_append_c(out, op == CXUnaryOperator_AddrOf ? '&' : '*');
		key_text(L, sub, out, depth + 1, subst);
		return;
	}
	case CXCursor_ArraySubscriptExpr: {
		fe_kids_get(c, &ks);
		if (ks.n != 2) {
			fe_kids_free(&ks);
			break;
		}
		CXCursor base = fe_kid(&ks, 0), idx = fe_kid(&ks, 1);
		fe_kids_free(&ks);
		key_text(L, base, out, depth + 1, subst);
		g_string_append_c(out, '[');
		key_text(L, idx, out, depth + 1, subst);
		g_string_append_c(out, ']');
		return;
	}
	case CXCursor_IntegerLiteral: {
		int64_t v;
		if (fe_eval_int(c, &v)) {
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

/* ---- guard keys: the text of an lvalue path ---------------------------- */

static void key_text(struct lower *L, CXCursor c, GString *out, int depth, bool subst);

/* Interned, normalized key of an expression, or 0 if it is not a path.
 * With subst, locals initialized from a path are replaced by that path so
 * that aliases of one lock get one key; without, it is the text as written. */
cck_sym fe_key_of(struct lower *L, CXCursor c, bool subst)
{
	L->substituted = false;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {	/* the common case */
		CXCursor d = clang_getCursorReferenced(c);
		cck_sym v = clang_Cursor_isNull(d) ? fe_spelling_sym(L->tu, c) : fe_decl_sym(L->tu, d);
		const char *sub = subst ? g_hash_table_lookup(L->subst, GUINT_TO_POINTER(v)) : NULL;
		L->substituted = sub != NULL;
		return sub ? cck_intern(&L->tu->strs, sub) : v;
	}
	if (!fe_key_buf) {
		fe_key_buf = g_string_sized_new(64);
		g_private_set(&fe_thread_buffers, GINT_TO_POINTER(1));
	}
	GString *s = fe_key_buf;
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

/* The value of a literal operand, when it is needed. */
static void need_value(struct opnd *o)
{
	if (o->lit) {
		o->is_const = fe_eval_int(o->lit_c, &o->k);
		o->lit = false;
	}
}

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

void fe_kill_var(struct lower *L, cck_sym var, CXCursor at)
{
	struct cck_event *e = fe_emit(L, CCK_EV_KILL, at);
	e->var = var;
	g_hash_table_remove(L->subst, GUINT_TO_POINTER(var));
}

void fe_lower_children(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		CXCursor k = fe_kid(&ks, i);
		if (clang_isExpression(clang_getCursorKind(k)) ||
		    clang_getCursorKind(k) == CXCursor_StmtExpr)
			fe_expr(L, k);
	}
	fe_kids_free(&ks);
}

bool fe_is_noreturn_name(const char *n)
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

struct cck_arg fe_arg_of(struct lower *L, CXCursor a, struct opnd *o)
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
	CXCursor s = fe_strip(a);
	r.key = fe_key_of(L, s, true);
	r.text = r.key && L->substituted ? fe_key_of(L, s, false) : r.key;
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

uint32_t fe_add_cleanup(struct lower *L, cck_sym handler, struct cck_arg arg,
			CXCursor at, bool on_cancel)
{
	struct cck_cleanup cl = {
		.handler = handler, .arg = arg, .loc = fe_loc_of(L->tu, at),
		.on_cancel = on_cancel,
	};
	cck_loc_resolve(L->tu, &cl.loc);	/* few, and named in notes later */
	g_array_append_val(L->f->cleanups, cl);
	return L->f->cleanups->len - 1;
}

/* A cleanup that runs where the current scope ends (and on the cancel
 * edges inside it, if on_cancel): registered, pushed here, and tied to
 * the scope. Its index. */
uint32_t fe_scoped_cleanup(struct lower *L, cck_sym handler, struct cck_arg arg,
			   CXCursor at, bool on_cancel, bool clframe)
{
	uint32_t i = fe_add_cleanup(L, handler, arg, at, on_cancel);
	fe_emit(L, CCK_EV_CLEANUP_PUSH, at)->var = i;
	struct scoped_cleanup sc = { L->scope, i, clframe };
	g_array_append_val(L->scoped, sc);
	return i;
}

struct cck_event *fe_emit_call(struct lower *L, CXCursor at, cck_sym callee,
			       const struct cck_arg *args, unsigned n)
{
	struct cck_event *e = fe_emit(L, CCK_EV_CALL, at);
	e->callee = callee;
	e->arg0 = L->f->args->len;
	e->nargs = n;
	g_array_append_vals(L->f->args, args, n);
	return e;
}

static cck_sym start_routine(struct lower *L, CXCursor a)
{
	cck_sym s = fe_function_named_by(L, a);	/* fn or &fn */
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
		e = fe_strip(e);
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
			cck_sym v = fe_decl_sym(L->tu, d);
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
		fe_kids_get(e, &ks);
		bool any = ks.n > 0;
		if (any)
			e = fe_kid(&ks, 0);	/* the array, or the operand */
		fe_kids_free(&ks);
		if (!any)
			break;
	}
	return cck_intern(&L->tu->strs, "*");
}

/* Whether e is a call of pthread_self(): a thread cancelling itself. */
static bool is_self(CXCursor e)
{
	e = fe_strip(e);
	if (clang_getCursorKind(e) != CXCursor_CallExpr)
		return false;
	CXString s = clang_getCursorSpelling(e);
	bool r = !strcmp(clang_getCString(s), "pthread_self");
	clang_disposeString(s);
	return r;
}

/* "std::ignore = e": an operator= call whose left side is std::ignore. */
static bool ignored_assignment(CXCursor c)
{
	CXString sp = clang_getCursorSpelling(c);
	bool assign = !strcmp(clang_getCString(sp), "operator=");
	clang_disposeString(sp);
	if (!assign)
		return false;
	struct kids ks;
	fe_kids_get(c, &ks);
	bool r = false;
	if (ks.n == 3) {	/* the left side, the operator, the right side */
		CXCursor lhs = fe_strip(fe_kid(&ks, 0));
		if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr) {
			CXCursor d = clang_getCursorReferenced(lhs);
			CXString n = clang_getCursorSpelling(d);
			r = !strcmp(clang_getCString(n), "ignore") &&
			    clang_getCursorKind(clang_getCursorSemanticParent(d)) == CXCursor_Namespace;
			clang_disposeString(n);
		}
	}
	fe_kids_free(&ks);
	return r;
}

/* How call c names the object of a member function: 0, it names none;
 * 1, "f()" alone inside a member function, the object is *this; 2,
 * "obj.f()" or "p->f()", and *obj is obj or p. */
int fe_member_object(CXCursor c, CXCursor *obj)
{
	struct kids ks, mk;
	fe_kids_get(c, &ks);
	CXCursor m = ks.n ? fe_strip(fe_kid(&ks, 0)) : clang_getNullCursor();
	fe_kids_free(&ks);
	if (clang_Cursor_isNull(m) || clang_getCursorKind(m) != CXCursor_MemberRefExpr)
		return 0;
	fe_kids_get(m, &mk);
	int how = mk.n ? 2 : 1;
	if (mk.n)
		*obj = fe_kid(&mk, 0);
	fe_kids_free(&mk);
	return how;
}

/* The key of the object obj names, given obj's key: "*p" for a pointer p. */
cck_sym fe_object_key(struct lower *L, CXCursor obj, cck_sym key)
{
	if (!key || clang_getCanonicalType(clang_getCursorType(fe_strip(obj))).kind !=
		    CXType_Pointer)
		return key;
	struct cck_arg in = { .key = key };
	return cck_key_subst(&L->tu->strs, "*$0", &in, 1);
}

struct opnd fe_call(struct lower *L, CXCursor c)
{
	CXCursor ref = clang_getCursorReferenced(c);
	enum CXCursorKind rk = clang_getCursorKind(ref);
	bool direct = rk == CXCursor_FunctionDecl;
	int member = 0;		/* 1: a member function, its object is argument 0 */
	if (fe_lower_cxx && !direct && fe_is_function_kind(rk) && ignored_assignment(c)) {
		/* std::ignore = f(): f's result is dropped, as in a statement */
		struct kids ks;
		fe_kids_get(c, &ks);
		struct opnd o = ks.n ? fe_expr(L, fe_kid(&ks, ks.n - 1)) : opaque;
		fe_kids_free(&ks);
		return o;
	}
	if (fe_lower_cxx && rk == CXCursor_CXXMethod && clang_Cursor_getNumArguments(c) == 2) {
		CXString sp = clang_getCursorSpelling(ref);
		bool assign = !strcmp(clang_getCString(sp), "operator=");
		clang_disposeString(sp);
		cck_sym to = assign ? fe_guard_var(L, clang_Cursor_getArgument(c, 0)) : 0;
		cck_sym from = to ? fe_guard_var(L, clang_Cursor_getArgument(c, 1)) : 0;
		if (from && from != to) {
			fe_move_assigned_guard(L, to, from, c);
			return opaque;
		}
	}
	if (fe_lower_cxx && !direct && fe_is_function_kind(rk)) {
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
	const struct callee_info *ci = direct ? fe_callee_of(L->tu, ref) : NULL;
	cck_sym callee = ci ? ci->name : 0;
	int nargs = clang_Cursor_getNumArguments(c);
	const char *cname = callee ? cck_str(&L->tu->strs, callee) : "";

	if (direct && !strcmp(cname, "__builtin_expect") && nargs == 2) {
		struct opnd o = fe_expr(L, clang_Cursor_getArgument(c, 0));
		fe_expr(L, clang_Cursor_getArgument(c, 1));
		return o;
	}
	if (ci && ci->cancel_use)
		L->tu->uses_cancellation = L->tu->saw_cancellation = true;
	if (ci && ci->system && !strncmp(cname, "io_uring_", 9))
		L->tu->models |= CCK_MODEL_URING;	/* liburing's, from its header */

	struct cck_arg stack[8];
	struct cck_arg *args = nargs + member > 8 ? g_new0(struct cck_arg, nargs + member) : stack;
	struct kids cks;	/* a call's children: the callee, then the arguments */
	fe_kids_get(c, &cks);
	bool from_kids = nargs >= 0 && cks.n == (unsigned)nargs + 1;
	cck_sym released_guard = 0;	/* g.release(): g no longer unlocks */
	if (member && rk == CXCursor_Constructor) {
		/* T v(...): the object is v; a temporary's is unknown */
		args[0] = L->ctor_this;
		memset(&L->ctor_this, 0, sizeof L->ctor_this);
		args++;
	} else if (member) {	/* obj.f(), p->f(), f(): the object (*p, *this) */
		CXCursor obj;
		int how = fe_member_object(c, &obj);
		memset(&args[0], 0, sizeof args[0]);
		if (how == 1)	/* f() in a member function: *this */
			args[0].key = args[0].text = cck_intern(&L->tu->strs, "*this");
		if (how == 2) {
			struct opnd o = fe_expr(L, obj);
			args[0] = fe_arg_of(L, obj, &o);
			args[0].key = fe_object_key(L, obj, args[0].key);
			/* a lock guard is named by the mutex it stands for */
			args[0].text = args[0].key;
			if (!strcmp(cname, "std::unique_lock::release") ||
			    !strcmp(cname, "std::shared_lock::release"))
				released_guard = fe_guard_var(L, obj);
		}
		args++;
	}
	if (!direct && cks.n)	/* through a pointer: what it reads (a table) */
		fe_expr(L, fe_kid(&cks, 0));
	int start_arg = !strcmp(cname, "pthread_create") ? 2 :
			!strcmp(cname, "thrd_create") ? 1 : -1;
	cck_sym routine = 0;
	bool self = false;
	cck_sym handle = 0;
	for (int i = 0; i < nargs; i++) {
		CXCursor a = from_kids ? fe_kid(&cks, i + 1) : clang_Cursor_getArgument(c, i);
		if (i == start_arg)
			routine = start_routine(L, a);
		L->starting = i == start_arg;
		if (i == 0 && !strcmp(cname, "pthread_cancel"))
			self = is_self(a);
		if (i == 0 && (start_arg >= 0 || !strcmp(cname, "pthread_cancel")))
			handle = handle_name(L, a);
		struct opnd o = fe_expr(L, a);
		L->starting = false;
		if (ci && ci->const_args)
			need_value(&o);
		args[i] = fe_arg_of(L, a, &o);
	}
	fe_kids_free(&cks);
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
		uint32_t i = fe_add_cleanup(L, L->push_routine, L->push_arg, c, true);
		g_array_append_val(L->push_stack, i);
		struct cck_event *e = fe_emit(L, CCK_EV_CLEANUP_PUSH, c);
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
		fe_emit(L, CCK_EV_CLEANUP_POP, c);
		goto out;
	}
	if (!direct) {
		/* A call through glibc's __cancel_routine runs the popped handler. */
		struct kids ks;
		fe_kids_get(c, &ks);
		bool routine = false;
		if (ks.n) {
			CXCursor f0 = fe_strip(fe_kid(&ks, 0));
			CXString s = clang_getCursorSpelling(f0);
			routine = clang_getCursorKind(f0) == CXCursor_DeclRefExpr &&
				  !strcmp(clang_getCString(s), "__cancel_routine");
			clang_disposeString(s);
		}
		fe_kids_free(&ks);
		if (routine && L->last_popped >= 0) {
			struct cck_cleanup *cl = &g_array_index(L->f->cleanups,
				struct cck_cleanup, L->last_popped);
			if (cl->handler)
				fe_emit_call(L, c, cl->handler, &cl->arg, 1)->model =
					CCK_CALL_RUNS_CLEANUP;
			goto out;
		}
		callee = 0;	/* through a function pointer: unknown */
	}

	r.var = fe_temp(L);
	struct cck_event *e = fe_emit_call(L, c, callee, args, nargs);
	e->res = r.var;
	if (ci && ci->system)
		e->aux = 1;	/* declared by the system: borrows its arguments */
	if (released_guard)
		fe_disarm_guard(L, released_guard, c);
	r.call_block = L->cur;
	r.call_ev = L->cur->raw->len - 1;
	if (ci) {
		if (ci->noreturn) {
			L->cur->term = CCK_T_NORETURN;
			L->cur->term_loc = fe_loc_of(L->tu, c);
			L->cur = NULL;
		}
	}
out:
	if (args != stack)
		g_free(args);
	return r;
}

/* Assignment to a plain variable: the variable takes over the value. */
void fe_assign_var(struct lower *L, cck_sym lhs, struct opnd rhs, CXCursor at)
{
	need_value(&rhs);
	if (rhs.call_ev >= 0 && rhs.call_block == L->cur && L->cur) {
		g_array_index(L->cur->raw, struct cck_event, rhs.call_ev).res = lhs;
		g_hash_table_remove(L->subst, GUINT_TO_POINTER(lhs));
		return;
	}
	if (rhs.var && !rhs.addr_of) {
		struct cck_event *e = fe_emit(L, CCK_EV_COPY, at);
		e->var = lhs;
		e->var2 = rhs.var;
		g_hash_table_remove(L->subst, GUINT_TO_POINTER(lhs));
		return;
	}
	if (rhs.is_const) {	/* flags: "locked = true" decides later branches */
		struct cck_event *e = fe_emit(L, CCK_EV_SET, at);
		e->var = lhs;
		e->mask = cck_region_of(rhs.k);
		g_hash_table_remove(L->subst, GUINT_TO_POINTER(lhs));
		return;
	}
	fe_kill_var(L, lhs, at);
}

/* "tmp.buf" or "bufs[0]" of a local aggregate (no pointer on the way):
 * tracked like a variable of that name; 0 for anything else. */
static cck_sym local_member(struct lower *L, CXCursor lhs)
{
	CXCursor c = lhs;
	for (int depth = 0; depth < 8; depth++) {
		enum CXCursorKind k = clang_getCursorKind(c);
		struct kids ks;
		if (k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr) {
			fe_kids_get(c, &ks);
			CXCursor base = ks.n ? fe_strip(fe_kid(&ks, 0)) : c;
			fe_kids_free(&ks);
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
		return fe_key_of(L, lhs, false);
	}
	return 0;
}

/* A value stored somewhere other than a local variable is owned there. */
void fe_store_into_place(struct lower *L, struct opnd rhs, CXCursor at)
{
	if (!rhs.var || rhs.addr_of)
		return;
	struct cck_event *e = fe_emit(L, CCK_EV_CONSUME, at);
	e->var = rhs.var;
	e->aux = CCK_BY_STORE;
}

/* A condition used as a value ("ok = a && b"): its branches rejoin. */
static struct opnd cond_value(struct lower *L, CXCursor c)
{
	struct cck_block *t = fe_new_block(L), *f = fe_new_block(L), *j = fe_new_block(L);
	fe_cond(L, c, t->id, f->id);
	fe_set_cur(L, t);
	fe_jump(L, j->id);
	fe_set_cur(L, f);
	fe_jump(L, j->id);
	fe_set_cur(L, j);
	return opaque;
}

static struct opnd binop(struct lower *L, CXCursor c)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	struct kids ks;
	fe_kids_get(c, &ks);
	if (ks.n != 2) {
		fe_kids_free(&ks);
		fe_lower_children(L, c);
		return opaque;
	}
	CXCursor lhs = fe_kid(&ks, 0), rhs = fe_kid(&ks, 1);
	fe_kids_free(&ks);

	if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr)
		return cond_value(L, c);
	if (op == CXBinaryOperator_Comma) {
		fe_expr(L, lhs);
		return fe_expr(L, rhs);
	}
	if (op == CXBinaryOperator_Assign) {
		struct opnd r = fe_expr(L, rhs);
		CXCursor d, sl = fe_strip(lhs);
		if (clang_getCursorKind(sl) == CXCursor_MemberRefExpr) {
			CXString m = clang_getCursorSpelling(sl);
			bool do_it = !strcmp(clang_getCString(m), "__do_it");
			clang_disposeString(m);
			if (do_it) {	/* pthread_cleanup_pop(execute) */
				need_value(&r);
				L->clframe_do_it = r.is_const ? r.k : 1;
				L->clframe_pop_raw = fe_loc_of(L->tu, c).raw;
				return opaque;
			}
		}
		if (is_var_ref(sl, &d)) {
			cck_sym v = fe_spelling_sym(L->tu, sl);
			if (clang_getCursorSemanticParent(d).kind == CXCursor_TranslationUnit ||
			    clang_getCursorKind(clang_getCursorSemanticParent(d)) !=
				    CXCursor_FunctionDecl) {
				fe_store_into_place(L, r, c);	/* a global owns it */
				return r;
			}
			fe_assign_var(L, v, r, c);
			if (!clang_equalCursors(c, L->stmt_expr))	/* "if ((rc = f()))" reads it */
				g_hash_table_add(L->f->reads, GUINT_TO_POINTER(v));
			struct opnd o = opaque;
			o.var = v;
			return o;
		}
		cck_sym member = local_member(L, sl);
		if (member) {	/* a member of a local aggregate dies with the frame */
			fe_assign_var(L, member, r, c);
			return opaque;
		}
		fe_expr(L, lhs);
		fe_store_into_place(L, r, c);
		cck_sym k = r.var && !r.addr_of ? 0 : fe_key_of(L, sl, true);	/* a flag, a count */
		if (k && (strstr(cck_str(&L->tu->strs, k), "->") ||
			  strchr(cck_str(&L->tu->strs, k), '.')))
			fe_emit(L, CCK_EV_MARK, c)->var = k;	/* "c->broken = true" */
		return opaque;
	}
	struct opnd a = fe_expr(L, lhs), b = fe_expr(L, rhs);
	(void)a;
	(void)b;
	return opaque;
}

static struct opnd unop(struct lower *L, CXCursor c)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
	struct kids ks;
	fe_kids_get(c, &ks);
	CXCursor sub = ks.n ? fe_kid(&ks, 0) : c;
	fe_kids_free(&ks);
	if (op == CXUnaryOperator_AddrOf) {
		struct opnd o = fe_expr(L, sub);
		if (o.var && is_var_ref(fe_strip(sub), NULL)) {
			o.addr_of = true;
			o.call_ev = -1;
			return o;
		}
		return opaque;
	}
	if (op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec ||
	    op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec) {
		struct opnd o = fe_expr(L, sub);
		if (o.var && !o.addr_of)
			fe_kill_var(L, o.var, c);
		return opaque;
	}
	if (op == CXUnaryOperator_LNot)
		return cond_value(L, c);
	if (ks.n)
		fe_expr(L, sub);
	return opaque;
}

static struct opnd conditional(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	if (ks.n != 3) {
		fe_kids_free(&ks);
		fe_lower_children(L, c);
		return opaque;
	}
	CXCursor cc = fe_kid(&ks, 0), a = fe_kid(&ks, 1), b = fe_kid(&ks, 2);
	fe_kids_free(&ks);
	struct cck_block *t = fe_new_block(L), *f = fe_new_block(L), *j = fe_new_block(L);
	cck_sym res = fe_temp(L);
	fe_cond(L, cc, t->id, f->id);
	fe_set_cur(L, t);
	fe_assign_var(L, res, fe_expr(L, a), a);
	fe_jump(L, j->id);
	fe_set_cur(L, f);
	fe_assign_var(L, res, fe_expr(L, b), b);
	fe_jump(L, j->id);
	fe_set_cur(L, j);
	struct opnd o = opaque;
	o.var = res;
	return o;
}

static struct opnd stmt_expr(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	struct opnd o = opaque;
	if (ks.n == 1 && clang_getCursorKind(fe_kid(&ks, 0)) == CXCursor_CompoundStmt) {
		struct kids body;
		fe_kids_get(fe_kid(&ks, 0), &body);
		L->scope++;
		for (unsigned i = 0; i < body.n; i++) {
			CXCursor s = fe_kid(&body, i);
			if (i + 1 == body.n && clang_isExpression(clang_getCursorKind(s)))
				o = fe_expr(L, s);
			else
				fe_stmt(L, s);
		}
		L->scope--;
		fe_kids_free(&body);
	}
	fe_kids_free(&ks);
	return o;
}

struct opnd fe_expr(struct lower *L, CXCursor c)
{
	if (fe_too_deep(L))
		return opaque;
	c = fe_strip(c);
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
			cck_sym fs = fe_decl_sym(L->tu, d);
			g_array_append_val(L->f->callees, fs);
		}
		if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl)
			return opaque;
		struct opnd o = opaque;
		o.var = fe_decl_sym(L->tu, d);
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
		return fe_call(L, c);
	case CXCursor_BinaryOperator:
		return binop(L, c);
	case CXCursor_CompoundAssignOperator: {
		struct kids ks;
		fe_kids_get(c, &ks);
		struct opnd r = ks.n == 2 ? fe_expr(L, fe_kid(&ks, 1)) : opaque;
		(void)r;
		if (ks.n == 2) {
			CXCursor sl = fe_strip(fe_kid(&ks, 0));
			struct opnd o = fe_expr(L, sl);
			if (o.var && is_var_ref(sl, NULL))
				fe_kill_var(L, o.var, c);
		}
		fe_kids_free(&ks);
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
		fe_kids_get(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			fe_store_into_place(L, fe_expr(L, fe_kid(&ks, i)), fe_kid(&ks, i));
		fe_kids_free(&ks);
		return opaque;
	}
	case CXCursor_UnaryExpr:	/* sizeof, alignof: not evaluated */
		return opaque;
	case CXCursor_LambdaExpr:
		if (fe_lower_cxx) {	/* its body is a function of its own */
			struct cck_loc at = fe_loc_of(L->tu, c);
			cck_loc_resolve(L->tu, &at);
			struct pending_lambda pl = { c, g_strdup_printf("%s::lambda@%u:%u",
				cck_str(&L->tu->strs, L->f->name), at.line, at.col) };
			if (!fe_pending_lambdas)
				fe_pending_lambdas = g_array_new(FALSE, FALSE, sizeof(struct pending_lambda));
			g_array_append_val(fe_pending_lambdas, pl);
			return opaque;
		}
		fe_lower_children(L, c);
		return opaque;
	case CXCursor_CXXNewExpr:
	case CXCursor_CXXDeleteExpr:
		return fe_new_delete(L, c, clang_getCursorKind(c) == CXCursor_CXXNewExpr);
	case CXCursor_UnexposedExpr: {
		int sk = fe_suspend_expr(c);
		if (sk)
			return fe_coroutine_suspend(L, c, sk == 2);
		fe_lower_children(L, c);
		return opaque;
	}
	default:
		fe_lower_children(L, c);
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
	if (!local || !is_var_ref(fe_strip(e), &d) || clang_getCursorKind(d) != CXCursor_VarDecl ||
	    clang_Cursor_getStorageClass(d) == CX_SC_Static)
		return false;
	return clang_getCanonicalType(clang_getCursorType(d)).kind == CXType_ConstantArray;
}

void fe_cond(struct lower *L, CXCursor c, uint32_t t, uint32_t f)
{
	if (fe_too_deep(L)) {	/* still a terminator: the CFG stays well formed */
		fe_branch(L, 0, CCK_CMP_NE, 0, t, f);
		return;
	}
	c = fe_strip(c);
	enum CXCursorKind kind = clang_getCursorKind(c);
	int64_t k;
	if (is_literalish(c) && fe_eval_int(c, &k)) {
		fe_jump(L, k ? t : f);
		return;
	}
	struct kids ks;
	if (kind == CXCursor_CallExpr && clang_Cursor_getNumArguments(c) == 2) {
		CXString s = clang_getCursorSpelling(c);	/* likely(), unlikely() */
		bool expect = !strcmp(clang_getCString(s), "__builtin_expect");
		clang_disposeString(s);
		if (expect) {
			fe_expr(L, clang_Cursor_getArgument(c, 1));
			fe_cond(L, clang_Cursor_getArgument(c, 0), t, f);
			return;
		}
	}
	if (kind == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		fe_kids_get(c, &ks);
		if (ks.n != 2) {
			fe_kids_free(&ks);
			goto plain;
		}
		CXCursor a = fe_kid(&ks, 0), b = fe_kid(&ks, 1);
		fe_kids_free(&ks);
		if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			struct cck_block *mid = fe_new_block(L);
			if (op == CXBinaryOperator_LAnd)
				fe_cond(L, a, mid->id, f);
			else
				fe_cond(L, a, t, mid->id);
			fe_set_cur(L, mid);
			fe_cond(L, b, t, f);
			return;
		}
		if (op == CXBinaryOperator_Comma) {
			fe_expr(L, a);
			fe_cond(L, b, t, f);
			return;
		}
		bool ok;
		enum cck_cmp cmp = cmp_of(op, &ok);
		/* An ordering made in unsigned arithmetic is not the signed
		 * one of the same variable: (unsigned)rc > 3 holds for rc < 0. */
		if (ok && cmp != CCK_CMP_EQ && cmp != CCK_CMP_NE &&
		    (is_unsigned(a) || is_unsigned(b))) {
			fe_expr(L, a);
			fe_expr(L, b);
			fe_branch(L, 0, CCK_CMP_NE, 0, t, f);
			return;
		}
		if (ok) {
			struct opnd x = fe_expr(L, a), y = fe_expr(L, b);
			need_value(&x);
			need_value(&y);
			if (!y.is_const && is_literalish(fe_strip(b)))
				y.is_const = fe_eval_int(fe_strip(b), &y.k);
			if (!x.is_const && is_literalish(fe_strip(a)))
				x.is_const = fe_eval_int(fe_strip(a), &x.k);
			if (!y.is_const && !x.is_const && fe_eval_int(fe_strip(b), &y.k))
				y.is_const = true;	/* NULL, -ECANCELED, enums */
			if (!x.is_const && !x.var && y.var && fe_eval_int(fe_strip(a), &x.k))
				x.is_const = true;	/* "-ECANCELED == rc" */
			if (x.var && !x.addr_of && y.is_const) {
				fe_branch(L, x.var, cmp, y.k, t, f);
			} else if (y.var && !y.addr_of && x.is_const) {
				fe_branch(L, y.var, cmp_swap(cmp), x.k, t, f);
			} else if ((cmp == CCK_CMP_EQ || cmp == CCK_CMP_NE) && x.var &&
				   !x.addr_of && local_address(L, b, &y)) {
				fe_branch(L, x.var, cmp, 0, t, f);
				L->last_branch->cmp_local = 1;
			} else if ((cmp == CCK_CMP_EQ || cmp == CCK_CMP_NE) && y.var &&
				   !y.addr_of && local_address(L, a, &x)) {
				fe_branch(L, y.var, cmp, 0, t, f);
				L->last_branch->cmp_local = 1;
			} else {
				fe_branch(L, 0, CCK_CMP_NE, 0, t, f);
			}
			return;
		}
		goto plain;
	}
	if (kind == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
		fe_kids_get(c, &ks);
		CXCursor sub = fe_kid(&ks, 0);
		fe_kids_free(&ks);
		fe_cond(L, sub, f, t);
		return;
	}
	if (kind == CXCursor_ConditionalOperator) {
		fe_kids_get(c, &ks);
		if (ks.n == 3) {
			CXCursor cc = fe_kid(&ks, 0), a = fe_kid(&ks, 1), b = fe_kid(&ks, 2);
			fe_kids_free(&ks);
			struct cck_block *bt = fe_new_block(L), *bf = fe_new_block(L);
			fe_cond(L, cc, bt->id, bf->id);
			fe_set_cur(L, bt);
			fe_cond(L, a, t, f);
			fe_set_cur(L, bf);
			fe_cond(L, b, t, f);
			return;
		}
		fe_kids_free(&ks);
	}
plain:;
	struct opnd o = fe_expr(L, c);
	need_value(&o);
	if (o.is_const) {
		fe_jump(L, o.k ? t : f);
		return;
	}
	fe_branch(L, o.addr_of ? 0 : o.var, CCK_CMP_NE, 0, t, f);
}
