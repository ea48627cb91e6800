/* Front end: statements, declarations, scopes and their cleanups, and a
 * function body as a whole. */
#include "fe.h"

/* ---- statements ------------------------------------------------------- */

/* Runs the cleanup-attribute handlers of scopes deeper than depth, as
 * leaving those scopes does. */
/* Where leaving a scope runs its cleanups: the closing brace when falling
 * off the end of a block, else the statement that leaves. */
static uint32_t scope_exit_raw(struct lower *L, CXCursor at)
{
	if (clang_getCursorKind(at) != CXCursor_CompoundStmt)
		return fe_loc_of(L->tu, at).raw;
	CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(at));
	CXFile file;
	unsigned line, col;
	clang_getExpansionLocation(end, &file, &line, &col, NULL);
	if (!file || col < 2)
		return fe_loc_of(L->tu, at).raw;
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
		fe_emit(L, CCK_EV_CLEANUP_POP, at)->loc.raw = here;
		if (cl->handler && (!sc->clframe || L->clframe_do_it)) {
			struct cck_event *e = fe_emit_call(L, at, cl->handler, &cl->arg, 1);
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
	cck_sym h = 0;
	GPtrArray *t = fe_tokens(tu, r, first ? 3 : G_MAXUINT);
	for (unsigned j = 0; j + 2 < t->len && !h && (!first || j == 0); j++) {
		const char *p = t->pdata[j];
		if (!strcmp(p, "cleanup") || !strcmp(p, "__cleanup__"))
			h = cck_intern(&L->tu->strs, t->pdata[j + 2]);
	}
	g_ptr_array_free(t, TRUE);
	return h;
}

static cck_sym cleanup_attr(struct lower *L, CXCursor var)
{
	struct kids ks;
	fe_kids_get(var, &ks);
	cck_sym r = 0;
	for (unsigned i = 0; i < ks.n && !r; i++) {
		CXCursor a = fe_kid(&ks, i);
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
	fe_kids_free(&ks);
	return r;
}

cck_sym fe_function_named_by(struct lower *L, CXCursor e)
{
	e = fe_strip(e);
	if (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_AddrOf) {
		struct kids ks;
		fe_kids_get(e, &ks);
		e = fe_strip(fe_kid(&ks, 0));
		fe_kids_free(&ks);
	}
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return 0;
	if (clang_getCursorKind(clang_getCursorReferenced(e)) != CXCursor_FunctionDecl)
		return 0;
	return fe_spelling_sym(L->tu, e);
}

static void var_decl(struct lower *L, CXCursor d)
{
	cck_sym v = fe_spelling_sym(L->tu, d);
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
		L->push_routine = fe_function_named_by(L, init);
		return;
	}
	if (!strcmp(name, "__cancel_arg") && !clang_Cursor_isNull(init)) {
		struct opnd o = fe_expr(L, init);
		L->push_arg = fe_arg_of(L, init, &o);
		return;
	}
	if (!strcmp(name, "__not_first_call") || !strcmp(name, "__cancel_buf"))
		return;
	if (fe_lower_cxx && fe_lock_guard_decl(L, d, v, init))
		return;
	/* With -fexceptions glibc registers the handler as a cleanup variable
	 * "__clframe = { routine, arg, do_it }". */
	if (!strcmp(name, "__clframe") && !clang_Cursor_isNull(init)) {
		L->tu->uses_cancellation = L->tu->saw_cancellation = true;
		struct kids il;
		fe_kids_get(fe_strip(init), &il);
		if (il.n >= 2) {
			CXCursor a1 = fe_kid(&il, 1);
			struct opnd o = fe_expr(L, a1);
			fe_scoped_cleanup(L, fe_function_named_by(L, fe_kid(&il, 0)),
					  fe_arg_of(L, a1, &o), d, true, true);
			L->clframe_do_it = 1;
		}
		fe_kids_free(&il);
		return;
	}

	if (!clang_Cursor_isNull(init)) {
		if (fe_lower_cxx && fe_is_ctor_call(fe_strip(init)))
			L->ctor_this = (struct cck_arg){ .key = v, .text = v };
		struct opnd o = fe_expr(L, init);
		memset(&L->ctor_this, 0, sizeof L->ctor_this);
		fe_assign_var(L, v, o, d);
		/* A local initialized from a path stands for it in later keys
		 * ("struct q *q = arg;" then "&q->mu" is "&arg->mu"). */
		CXCursor si = fe_strip(init);
		cck_sym k = 0;
		if (clang_getCursorKind(si) != CXCursor_CallExpr && o.call_ev < 0)
			k = fe_key_of(L, si, true);
		if (!k && o.var && !(o.var & CCK_TEMP) && !o.addr_of && o.call_ev < 0) {
			/* "(lock(m), m)": the value of a comma is its last operand */
			const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(o.var));
			k = sub ? cck_intern(&L->tu->strs, sub) : o.var;
		}
		if (k)
			g_hash_table_insert(L->subst, GUINT_TO_POINTER(v),
					    (gpointer)cck_str(&L->tu->strs, k));
	} else {
		fe_kill_var(L, v, d);
	}
	if (fe_lower_cxx)
		fe_object_decl(L, d, v, init);

	cck_sym h = cleanup_attr(L, d);
	if (h) {
		/* &var, or the address of what var stands for ("held = m") */
		const char *sub = g_hash_table_lookup(L->subst, GUINT_TO_POINTER(v));
		struct cck_arg in = { .key = cck_intern(&L->tu->strs, sub ? sub : name) };
		struct cck_arg a = { .key = cck_key_subst(&L->tu->strs, "&$0", &in, 1),
				     .var = v, .addr_of = true };
		a.text = a.key;
		fe_scoped_cleanup(L, h, a, d, L->tu->exceptions, false);
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
	parts[3] = fe_kid(ks, ks->n - 1);
	if (ks->n == 4) {
		for (int i = 0; i < 3; i++)
			parts[i] = fe_kid(ks, i);
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
		CXCursor k = fe_kid(ks, i);
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
	fe_kids_get(c, &ks);
	if (!ks.n) {
		fe_kids_free(&ks);
		return;
	}
	CXCursor p[4];
	for_parts(c, &ks, p);
	fe_kids_free(&ks);
	L->scope++;
	if (!clang_Cursor_isNull(p[0]))
		fe_stmt(L, p[0]);
	struct cck_block *head = fe_new_block(L), *body = fe_new_block(L),
			 *inc = fe_new_block(L), *exit = fe_new_block(L);
	fe_jump(L, head->id);
	fe_set_cur(L, head);
	if (!clang_Cursor_isNull(p[1]))
		fe_cond(L, p[1], body->id, exit->id);
	else
		fe_jump(L, body->id);
	fe_set_cur(L, body);
	push_loop(L, exit->id, inc->id);
	fe_stmt(L, p[3]);
	pop_loop(L);
	fe_jump(L, inc->id);
	fe_set_cur(L, inc);
	if (!clang_Cursor_isNull(p[2]))
		fe_expr(L, p[2]);
	fe_jump(L, head->id);
	fe_set_cur(L, exit);
	leave_scopes(L, L->scope - 1, c, true);
	L->scope--;
}

static void stmt_while(struct lower *L, CXCursor c, bool is_do)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	if (ks.n != 2) {
		fe_kids_free(&ks);
		return;
	}
	CXCursor cc = is_do ? fe_kid(&ks, 1) : fe_kid(&ks, 0);
	CXCursor body = is_do ? fe_kid(&ks, 0) : fe_kid(&ks, 1);
	fe_kids_free(&ks);
	struct cck_block *head = fe_new_block(L), *bb = fe_new_block(L),
			 *exit = fe_new_block(L);
	fe_jump(L, is_do ? bb->id : head->id);
	fe_set_cur(L, head);
	fe_cond(L, cc, bb->id, exit->id);
	fe_set_cur(L, bb);
	push_loop(L, exit->id, head->id);
	fe_stmt(L, body);
	pop_loop(L);
	fe_jump(L, head->id);
	fe_set_cur(L, exit);
}

/* for (decl : range) body: the range is evaluated once, and the body runs
 * any number of times. */
static void stmt_for_range(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	if (ks.n < 2) {
		fe_kids_free(&ks);
		return;
	}
	CXCursor body = fe_kid(&ks, ks.n - 1);
	for (unsigned i = 0; i + 1 < ks.n; i++)
		if (clang_isExpression(clang_getCursorKind(fe_kid(&ks, i))))
			fe_expr(L, fe_kid(&ks, i));
	fe_kids_free(&ks);
	struct cck_block *head = fe_new_block(L), *bb = fe_new_block(L), *exit = fe_new_block(L);
	fe_jump(L, head->id);
	fe_set_cur(L, head);
	fe_branch(L, 0, CCK_CMP_NE, 0, bb->id, exit->id);
	fe_set_cur(L, bb);
	push_loop(L, exit->id, head->id);
	L->scope++;
	fe_stmt(L, body);
	leave_scopes(L, L->scope - 1, body, true);
	L->scope--;
	pop_loop(L);
	fe_jump(L, head->id);
	fe_set_cur(L, exit);
}

static void stmt_if(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	if (ks.n < 2) {
		fe_kids_free(&ks);
		return;
	}
	CXCursor cc = fe_kid(&ks, 0), then = fe_kid(&ks, 1);
	CXCursor els = ks.n > 2 ? fe_kid(&ks, 2) : clang_getNullCursor();
	fe_kids_free(&ks);

	/* glibc's "if (__not_first_call)": the longjmp return of the cancel
	 * path; the handler it runs is modelled by the cleanup push. */
	CXCursor sc = fe_strip(cc);
	if (clang_getCursorKind(sc) == CXCursor_CallExpr) {
		CXString s = clang_getCursorSpelling(sc);
		bool expect = !strcmp(clang_getCString(s), "__builtin_expect");
		clang_disposeString(s);
		if (expect && clang_Cursor_getNumArguments(sc) == 2)
			sc = fe_strip(clang_Cursor_getArgument(sc, 0));
	}
	if (clang_getCursorKind(sc) == CXCursor_DeclRefExpr) {
		CXString s = clang_getCursorSpelling(sc);
		bool nfc = !strcmp(clang_getCString(s), "__not_first_call");
		clang_disposeString(s);
		if (nfc)
			return;
	}

	struct cck_block *bt = fe_new_block(L), *join = fe_new_block(L);
	struct cck_block *bf = clang_Cursor_isNull(els) ? join : fe_new_block(L);
	fe_cond(L, cc, bt->id, bf->id);
	fe_set_cur(L, bt);
	fe_stmt(L, then);
	fe_jump(L, join->id);
	if (!clang_Cursor_isNull(els)) {
		fe_set_cur(L, bf);
		fe_stmt(L, els);
		fe_jump(L, join->id);
	}
	fe_set_cur(L, join);
}

static void stmt_switch(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	if (ks.n < 2) {
		fe_kids_free(&ks);
		return;
	}
	CXCursor cc = fe_kid(&ks, ks.n - 2), body = fe_kid(&ks, ks.n - 1);
	fe_kids_free(&ks);
	struct opnd sv = fe_expr(L, cc);
	struct cck_block *dispatch = fe_cur(L), *exit = fe_new_block(L);
	dispatch->term = CCK_T_SWITCH;
	dispatch->cmp_var = sv.addr_of ? 0 : sv.var;
	dispatch->cases = g_array_new(FALSE, FALSE, sizeof(struct cck_case));
	dispatch->term_loc = fe_loc_of(L->tu, c);
	L->cur = NULL;
	uint32_t d = dispatch->id;
	g_array_append_val(L->switches, d);
	push_loop(L, exit->id, UINT32_MAX);
	fe_stmt(L, body);
	pop_loop(L);
	g_array_set_size(L->switches, L->switches->len - 1);
	fe_jump(L, exit->id);
	/* Without a default the dispatch may match no case. */
	bool has_default = false;
	for (unsigned i = 0; i < dispatch->cases->len; i++)
		has_default |= g_array_index(dispatch->cases, struct cck_case, i).is_default;
	if (!has_default) {
		struct cck_case none = { .is_default = true };
		cck_block_add_succ(dispatch, exit->id);
		g_array_append_val(dispatch->cases, none);
	}
	fe_set_cur(L, exit);
}

static void stmt_case(struct lower *L, CXCursor c, bool is_default)
{
	struct cck_block *b = fe_new_block(L);
	fe_jump(L, b->id);	/* fallthrough from the previous case */
	struct kids ks;
	fe_kids_get(c, &ks);
	if (L->switches->len) {
		uint32_t d = g_array_index(L->switches, uint32_t, L->switches->len - 1);
		struct cck_block *disp = g_ptr_array_index(L->f->blocks, d);
		struct cck_case cs = { .is_default = is_default };
		if (!is_default && ks.n == 2)	/* "case K:"; GNU ranges stay unknown */
			cs.known = fe_eval_int(fe_kid(&ks, 0), &cs.k);
		cck_block_add_succ(disp, b->id);
		g_array_append_val(disp->cases, cs);
	}
	fe_set_cur(L, b);
	if (ks.n)
		fe_stmt(L, fe_kid(&ks, ks.n - 1));
	fe_kids_free(&ks);
}

static uint32_t label_block(struct lower *L, cck_sym name)
{
	gpointer p = g_hash_table_lookup(L->labels, GUINT_TO_POINTER(name));
	if (p)
		return GPOINTER_TO_UINT(p) - 1;
	struct cck_block *b = fe_new_block(L);
	g_hash_table_insert(L->labels, GUINT_TO_POINTER(name),
			    GUINT_TO_POINTER(b->id + 1));
	return b->id;
}

/* Leaves the function at c, returning ret (0: nothing tracked). */
static void leave_function(struct lower *L, CXCursor c, cck_sym ret)
{
	leave_scopes(L, 0, c, false);
	struct cck_block *b = fe_cur(L);
	b->term = CCK_T_RETURN;
	b->ret = ret;
	b->term_loc = fe_loc_of(L->tu, c);
	L->cur = NULL;
}

static void stmt_return(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	struct opnd o = ks.n ? fe_expr(L, fe_kid(&ks, 0)) : opaque;
	fe_kids_free(&ks);
	leave_function(L, c, o.addr_of ? 0 : o.var);
}

static void stmt_compound(struct lower *L, CXCursor c)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	L->scope++;
	for (unsigned i = 0; i < ks.n; i++)
		fe_stmt(L, fe_kid(&ks, i));
	leave_scopes(L, L->scope - 1, c, true);
	L->scope--;
	fe_kids_free(&ks);
}

void fe_stmt(struct lower *L, CXCursor c)
{
	if (fe_too_deep(L))
		return;
	enum CXCursorKind k = clang_getCursorKind(c);
	struct kids ks;
	switch (k) {
	case CXCursor_CompoundStmt:
		stmt_compound(L, c);
		return;
	case CXCursor_DeclStmt:
		fe_kids_get(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			if (clang_getCursorKind(fe_kid(&ks, i)) == CXCursor_VarDecl)
				var_decl(L, fe_kid(&ks, i));
		fe_kids_free(&ks);
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
		fe_jump(L, to);
		return;
	}
	case CXCursor_ReturnStmt:
		stmt_return(L, c);
		return;
	case CXCursor_GotoStmt: {
		CXCursor lab = clang_getCursorReferenced(c);
		cck_sym name = fe_spelling_sym(L->tu, lab);
		if (name)
			fe_jump(L, label_block(L, name));
		else
			L->cur = NULL;
		return;
	}
	case CXCursor_IndirectGotoStmt: {
		struct pending_goto pg = { fe_cur(L)->id, 0 };
		g_array_append_val(L->gotos, pg);
		L->cur->term = CCK_T_SWITCH;
		L->cur = NULL;
		return;
	}
	case CXCursor_LabelStmt: {
		uint32_t b = label_block(L, fe_spelling_sym(L->tu, c));
		fe_jump(L, b);
		fe_set_cur(L, g_ptr_array_index(L->f->blocks, b));
		fe_kids_get(c, &ks);
		if (ks.n)
			fe_stmt(L, fe_kid(&ks, ks.n - 1));
		fe_kids_free(&ks);
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
		fe_kids_get(c, &ks);
		if (ks.n && clang_getCursorKind(fe_kid(&ks, 0)) == CXCursor_CompoundStmt)
			fe_stmt(L, fe_kid(&ks, 0));
		fe_kids_free(&ks);
		return;
	case CXCursor_UnexposedStmt: {
		static const char *const co_return[] = { "co_return", NULL };
		if (fe_lower_cxx && fe_starts_with_word(c, co_return)) {
			/* the promise's return_value(e) / return_void(), then
			 * leave as a return does */
			fe_lower_children(L, c);
			leave_function(L, c, 0);
			return;
		}
		if (fe_lower_cxx)
			fe_lower_children(L, c);
		return;
	}
	default:
		if (clang_isExpression(k) || k == CXCursor_StmtExpr) {
			L->stmt_expr = fe_strip(c);
			struct opnd o = fe_expr(L, c);
			L->stmt_expr = clang_getNullCursor();
			/* a call as a statement, or cast to void: its result is dropped */
			if (o.call_ev >= 0 && o.call_block == L->cur && L->cur &&
			    clang_getCursorKind(fe_strip(c)) == CXCursor_CallExpr)
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

void fe_lower_function(struct cck_tu *tu, CXCursor fn, CXCursor body, cck_sym name)
{
	struct cck_func *f = cck_func_new();
	f->name = name ? name : fe_decl_sym(tu, fn);
	f->loc = fe_loc_of(tu, fn);
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
	int self = fe_lower_cxx && cck_has_this(fn);
	if (self) {	/* the object: "this" is its address */
		cck_sym p = cck_intern(&tu->strs, "this");
		g_array_append_val(f->params, p);
	}
	for (int i = 0; i < np; i++) {
		CXCursor pc = clang_Cursor_getArgument(fn, i);
		cck_sym p = fe_spelling_sym(tu, pc);
		g_array_append_val(f->params, p);
		CXType pt = clang_getCanonicalType(clang_getCursorType(pc));
		if (i + self < 32 && pt.kind == CXType_Pointer)
			f->param_ptr |= 1u << (i + self);
	}
	GHashTable *outer_guards = fe_guard_cleanups;	/* a lambda's are its own */
	fe_guard_cleanups = g_hash_table_new(NULL, NULL);
	struct tree tree;
	fe_stack_floor_init();
	fe_tree_build(&tree, body);
	fe_body_tree = &tree;
	fe_set_cur(&L, fe_new_block(&L));
	L.too_deep = tree.too_deep;
	if (fe_lower_cxx && clang_getCursorKind(fn) == CXCursor_Constructor)
		fe_member_inits(&L, fn);
	fe_stmt(&L, body);
	fe_body_tree = NULL;
	fe_tree_free(&tree);
	g_hash_table_unref(fe_guard_cleanups);
	fe_guard_cleanups = outer_guards;
	if (L.cur) {	/* falling off the end returns */
		L.cur->term = CCK_T_RETURN;
		L.cur->term_loc = fe_loc_of_end(tu, body);
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
