/* Front end: the declarations of a translation unit, each function
 * definition lowered into the IR (cck_lower_tu). The parts: fe_ast.c,
 * fe_expr.c, fe_stmt.c, fe_cxx.c, sharing fe.h. */
#include "fe.h"

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
		cck_sym s = fe_decl_sym(n->tu, r);
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
	cck_sym v = fe_decl_sym(tu, var);
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

/* Lowers the body of a function (or lambda) definition: its block, or in
 * C++ a coroutine's, which comes first in the statement that wraps it
 * with what the compiler adds (the promise, the initial and final
 * suspends). */
static void lower_definition(struct cck_tu *tu, CXCursor c, cck_sym name)
{
	struct kids ks;
	fe_kids_get(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		CXCursor b = fe_kid(&ks, i);
		enum CXCursorKind bk = clang_getCursorKind(b);
		if (bk == CXCursor_CompoundStmt) {
			fe_lower_function(tu, c, b, name);
		} else if (fe_lower_cxx && bk == CXCursor_UnexposedStmt) {
			struct kids bks;
			fe_kids_get(b, &bks);
			if (bks.n && clang_getCursorKind(fe_kid(&bks, 0)) == CXCursor_CompoundStmt)
				fe_lower_function(tu, c, fe_kid(&bks, 0), name);
			fe_kids_free(&bks);
		}
	}
	fe_kids_free(&ks);
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
	       (fe_lower_cxx && k != CXCursor_FunctionDecl && fe_is_function_kind(k));
}

/* Every function declaration contributes its annotations to the role of
 * its name; definitions outside system headers are lowered. */
static enum CXChildVisitResult top(CXCursor c, CXCursor parent, CXClientData d)
{
	struct cck_tu *tu = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
		return CXChildVisit_Recurse;
	if (fe_lower_cxx && cxx_scope(k))
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
	cck_sym name = fe_decl_sym(tu, c);
	struct cck_role r;
	bool has = cck_read_annotations(c, &r);
	if (fe_lower_cxx && fe_returns_task(c)) {
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
		while (fe_pending_lambdas && fe_pending_lambdas->len) {
			struct pending_lambda pl = g_array_index(fe_pending_lambdas,
				struct pending_lambda, fe_pending_lambdas->len - 1);
			g_array_set_size(fe_pending_lambdas, fe_pending_lambdas->len - 1);
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
	if (fe_lower_cxx && cxx_scope(k))
		return clang_Location_isInSystemHeader(clang_getCursorLocation(c))
			? CXChildVisit_Continue : CXChildVisit_Recurse;
	if (lowered_kind(k) && clang_isCursorDefinition(c) &&
	    !clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
		g_hash_table_add(tu->defined, GUINT_TO_POINTER(fe_decl_sym(tu, c)));
	return CXChildVisit_Continue;
}

void cck_lower_tu(struct cck_tu *tu, CXTranslationUnit ctu)
{
	fe_lower_cxx = tu->cxx;
	if (tu->incremental)	/* which callees are worth waiting for */
		clang_visitChildren(clang_getTranslationUnitCursor(ctu), definitions, tu);
	/* Annotations first: a call may precede the annotated declaration of
	 * its callee only through an earlier declaration, which carries them
	 * too, so one pass in order suffices. */
	clang_visitChildren(clang_getTranslationUnitCursor(ctu), top, tu);
}
