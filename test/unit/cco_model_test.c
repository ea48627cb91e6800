/* The cco model (--model=cco) against cco.h, its source of truth: every
 * function of the table has in the header the annotations the table gives
 * it, and every annotated function of the header is in the table.
 * Usage: cco_model_test <include dir> */
#include <clang-c/Index.h>
#include <stdio.h>
#include <string.h>
#include "tu.h"

static int failures, seen, in_table;

static void fail(const char *fn, const char *what, int header, int model)
{
	printf("%s: %s differs: cco.h %d, model %d\n", fn, what, header, model);
	failures++;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	(void)d;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	CXString s = clang_getCursorSpelling(c);
	const char *fn = clang_getCString(s);
	if (strncmp(fn, "cco_", 4) || strstr(fn, "cco__")) {
		clang_disposeString(s);
		return CXChildVisit_Continue;
	}
	struct cck_role h;
	cck_read_annotations(c, &h);
	const struct cck_role *m = cck_model_role(CCK_MODEL_CCO, fn);
	bool matters = !cck_role_is_empty(&h);
	seen++;
	if (!m) {
		if (matters)
			fail(fn, "presence", 1, 0);
	} else {
		in_table++;
		if (h.suspends != m->suspends)
			fail(fn, "suspends", h.suspends, m->suspends);
		if (h.returns_owned != m->returns_owned || (h.returns_owned &&
		    h.owned_success != m->owned_success))
			fail(fn, "returns_owned", h.owned_success, m->owned_success);
		if (h.writes != m->writes)
			fail(fn, "writes", h.writes, m->writes);
		if (h.write_progress != m->write_progress)
			fail(fn, "write progress", h.write_progress, m->write_progress);
		if (h.coroutine_body != m->coroutine_body)
			fail(fn, "coroutine_body", h.coroutine_body, m->coroutine_body);
		if (h.must_use != m->must_use)
			fail(fn, "must_use", h.must_use, m->must_use);
		if (h.acquires != m->acquires)
			fail(fn, "acquires", h.acquires, m->acquires);
		if (h.releases != m->releases)
			fail(fn, "releases", h.releases, m->releases);
		if (h.try_acquires != m->try_acquires ||
		    (h.try_acquires >= 0 && h.try_success != m->try_success))
			fail(fn, "try_acquires", h.try_acquires, m->try_acquires);
		if (h.consumes != m->consumes)
			fail(fn, "consumes", h.consumes, m->consumes);
		if (h.gives != m->gives || (h.gives >= 0 && (h.gives_pointee != m->gives_pointee ||
						       h.gives_success != m->gives_success)))
			fail(fn, "takes_if", h.gives, m->gives);
		if (h.lends != m->lends)
			fail(fn, "lends", h.lends, m->lends);
		if (h.shield != m->shield)
			fail(fn, "shield", h.shield, m->shield);
	}
	g_free(h.acquire_expr);
	g_free(h.release_expr);
	g_free(h.try_acquire_expr);
	clang_disposeString(s);
	return CXChildVisit_Continue;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: cco_model_test <include dir>\n");
		return 2;
	}
	char inc[4096];
	snprintf(inc, sizeof inc, "-I%s", argv[1]);
	const char *args[] = { "-xc", "-std=gnu11", inc };
	struct CXUnsavedFile src = { "probe.c", "#include <cco.h>\n", 17 };
	CXIndex idx = clang_createIndex(0, 0);
	CXTranslationUnit tu = clang_parseTranslationUnit(idx, "probe.c", args, 3, &src, 1, 0);
	if (!tu) {
		fprintf(stderr, "cco_model_test: cannot parse cco.h\n");
		return 2;
	}
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit, NULL);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(idx);
	printf("cco_model_test: %d functions, %d in the model, %d differences\n", seen,
	       in_table, failures);
	return failures ? 1 : 0;
}
