/* Reads a function's roles from its attributes: cancelcheck::... annotate
 * strings, clang's thread-safety capability attributes and ownership
 * attributes. */
#include <stdlib.h>
#include <string.h>
#include "tu.h"

static int success_mask(const char *s)
{
	static const struct { const char *n; int m; } t[] = {
		{ "zero", CCK_ZERO }, { "nonzero", CCK_NONZERO },
		{ "nonnull", CCK_NONZERO }, { "nonneg", CCK_NONNEG },
		{ "neg", CCK_NEG }, { "pos", CCK_POS }, { "true", CCK_NONZERO },
		{ "1", CCK_NONZERO }, { "false", CCK_ZERO }, { "0", CCK_ZERO },
		{ "always", CCK_ANY },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(s, t[i].n))
			return t[i].m;
	return -1;
}

/* "cancelcheck::name(arg)" -> fills r; unknown names are ignored so that
 * newer headers work with older analyzers. */
static bool annotate(const char *s, struct cck_role *r)
{
	static const char pfx[] = "cancelcheck::";
	if (strncmp(s, pfx, sizeof pfx - 1))
		return false;
	s += sizeof pfx - 1;
	char name[64] = "", arg[64] = "", arg2[64] = "";
	const char *p = strchr(s, '(');
	size_t n = p ? (size_t)(p - s) : strlen(s);
	if (n >= sizeof name)
		return false;
	memcpy(name, s, n);
	if (p) {
		const char *q = strchr(p, ')');
		const char *comma = strchr(p, ',');
		if (!q)
			return false;
		const char *end1 = comma && comma < q ? comma : q;
		snprintf(arg, sizeof arg, "%.*s", (int)(end1 - p - 1), p + 1);
		if (comma && comma < q)
			snprintf(arg2, sizeof arg2, "%.*s", (int)(q - comma - 1), comma + 1);
		g_strstrip(arg);
		g_strstrip(arg2);
	}
	int idx = atoi(arg) - 1;
	if (!strcmp(name, "suspends")) {
		r->suspends = !strcmp(arg, "unwinds") ? CCK_CANCEL_UNWINDS
						       : CCK_CANCEL_RETURNS;
	} else if (!strcmp(name, "consumes_on_cancel")) {
		r->consumes_on_cancel = idx;
	} else if (!strcmp(name, "consumes")) {
		r->consumes = idx;
	} else if (!strcmp(name, "lends")) {
		r->lends = idx;
	} else if (!strcmp(name, "returns_owned")) {
		int m = *arg ? success_mask(arg) : CCK_NONZERO;
		r->returns_owned = true;
		r->owned_success = m < 0 ? CCK_NONZERO : m;
	} else if (!strcmp(name, "acquires")) {
		r->acquires = idx;
	} else if (!strcmp(name, "releases")) {
		r->releases = idx;
	} else if (!strcmp(name, "takes_if") || !strcmp(name, "takes_pointee_if")) {
		int m = *arg2 ? success_mask(arg2) : CCK_ZERO;
		r->gives = idx;
		r->gives_success = m < 0 ? CCK_ZERO : m;
		r->gives_pointee = !strcmp(name, "takes_pointee_if");
	} else if (!strcmp(name, "try_acquires")) {
		int m = *arg2 ? success_mask(arg2) : CCK_ZERO;
		r->try_acquires = idx;
		r->try_success = m < 0 ? CCK_ZERO : m;
	} else if (!strcmp(name, "shield")) {
		r->shield = !strcmp(arg, "end") ? CCK_SHIELD_END : CCK_SHIELD_BEGIN;
	} else if (!strcmp(name, "must_use")) {
		r->must_use = true;
	} else if (!strcmp(name, "lends_until_reap") && idx >= 0 && idx < 16) {
		r->lends_async |= 1u << idx;
		r->lend_ring = *arg2 ? atoi(arg2) - 1 : -1;
	} else if (!strcmp(name, "lend_success")) {
		int m = success_mask(arg);
		r->lend_success = m < 0 ? 0 : m;
	} else if (!strcmp(name, "lends_fd")) {
		r->lends_fd = idx;
	} else if (!strcmp(name, "reaps")) {
		int m = *arg2 ? success_mask(arg2) : 0;
		r->reaps = true;
		r->reap_ring = idx;	/* "reaps()" or "reaps(0)": any source */
		r->reap_success = m < 0 ? 0 : m;
	} else if (!strcmp(name, "writes")) {
		r->writes = idx;
		r->write_progress = *arg2 ? atoi(arg2) - 1 : -1;
	} else if (!strcmp(name, "blocks")) {
		r->blocks = true;
	} else if (!strcmp(name, "nonblocking")) {
		r->nonblocking = true;
	} else if (!strcmp(name, "coroutine_body")) {
		r->coroutine_body = idx;
	} else if (!strcmp(name, "borrows")) {
		r->borrows = true;
	} else {
		return false;
	}
	return true;
}

/* A capability expression over parameter names, as a key pattern over $N.
 * A bare pointer parameter is the lock's address already; any other
 * expression names the lock object, whose address is the key. */
static char *capability_pattern(CXCursor fn, const char *expr)
{
	int np = clang_Cursor_getNumArguments(fn);
	GString *out = g_string_new(NULL);
	for (int i = 0; i < np; i++) {
		CXCursor p = clang_Cursor_getArgument(fn, i);
		CXString s = clang_getCursorSpelling(p);
		bool same = !strcmp(clang_getCString(s), expr);
		clang_disposeString(s);
		if (same && clang_getCanonicalType(clang_getCursorType(p)).kind ==
				    CXType_Pointer) {
			g_string_printf(out, "$%d", i);
			return g_string_free(out, FALSE);
		}
	}
	g_string_append_c(out, '&');
	const char *s = expr;
	while (*s) {
		if (g_ascii_isalpha(*s) || *s == '_') {
			const char *b = s;
			while (g_ascii_isalnum(*s) || *s == '_')
				s++;
			int hit = -1;
			for (int i = 0; i < np && hit < 0; i++) {
				CXString ps = clang_getCursorSpelling(
					clang_Cursor_getArgument(fn, i));
				const char *pn = clang_getCString(ps);
				if (strlen(pn) == (size_t)(s - b) && !strncmp(pn, b, s - b))
					hit = i;
				clang_disposeString(ps);
			}
			if (hit >= 0)
				g_string_append_printf(out, "$%d", hit);
			else
				g_string_append_len(out, b, s - b);
		} else {
			if (*s != ' ')
				g_string_append_c(out, *s);
			s++;
		}
	}
	return g_string_free(out, FALSE);
}

static bool known_attr(const char *n)
{
	static const char *const names[] = {
		"acquire_capability", "acquire_shared_capability",
		"exclusive_lock_function", "shared_lock_function",
		"release_capability", "release_shared_capability",
		"release_generic_capability", "unlock_function",
		"try_acquire_capability", "try_acquire_shared_capability",
		"exclusive_trylock_function", "ownership_returns",
		"ownership_takes", "ownership_holds",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(n, names[i]))
			return true;
	return false;
}

/* An attribute written by a macro: its tokens over the extent are the
 * macro's invocation; the attribute itself is spelled in the macro's body,
 * where its location points. The range of span bytes from there, or the
 * null range. */
CXSourceRange cck_attr_spelled_range(CXCursor a, unsigned span)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(a);
	CXFile file;
	unsigned off;
	size_t size = 0;
	clang_getSpellingLocation(clang_getCursorLocation(a), &file, NULL, NULL, &off);
	if (!file || !clang_getFileContents(tu, file, &size) || off >= size)
		return clang_getNullRange();
	unsigned end = off + span < size ? off + span : (unsigned)size;
	return clang_getRange(clang_getLocationForOffset(tu, file, off),
			      clang_getLocationForOffset(tu, file, end));
}

/* The attribute's own name where a macro body spells it (g_free it), or
 * NULL. */
static char *name_in_macro(CXCursor a)
{
	CXSourceRange r = cck_attr_spelled_range(a, 64);
	if (clang_Range_isNull(r))
		return NULL;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(a);
	CXToken *tok;
	unsigned n;
	clang_tokenize(tu, r, &tok, &n);
	char *name = NULL;
	if (n && clang_getTokenKind(tok[0]) == CXToken_Identifier) {
		CXString s = clang_getTokenSpelling(tu, tok[0]);
		if (known_attr(clang_getCString(s)))
			name = g_strdup(clang_getCString(s));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tok, n);
	return name;
}

/* When the attribute comes from a macro, the arguments of the macro's
 * invocation (split at top-level commas); NULL otherwise. */
static GPtrArray *macro_args(CXCursor a)
{
	CXSourceLocation l = clang_getCursorLocation(a);
	CXFile ef, sf;
	unsigned eoff, soff;
	clang_getExpansionLocation(l, &ef, NULL, NULL, &eoff);
	clang_getSpellingLocation(l, &sf, NULL, NULL, &soff);
	if (!ef || (ef == sf && eoff == soff))
		return NULL;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(a);
	size_t size = 0;
	if (!clang_getFileContents(tu, ef, &size) || eoff >= size)
		return NULL;
	unsigned end = eoff + 512 < size ? eoff + 512 : (unsigned)size;
	CXToken *tok;
	unsigned n;
	clang_tokenize(tu, clang_getRange(clang_getLocationForOffset(tu, ef, eoff),
					  clang_getLocationForOffset(tu, ef, end)), &tok, &n);
	GPtrArray *args = NULL;
	GString *cur = g_string_new(NULL);
	int depth = 0;
	for (unsigned i = 1; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, tok[i]);
		const char *p = clang_getCString(s);
		bool open = !strcmp(p, "("), close = !strcmp(p, ")");
		if (open && depth++ == 0) {
			args = g_ptr_array_new_with_free_func(g_free);
		} else if (close && --depth == 0) {
			if (cur->len)
				g_ptr_array_add(args, g_strdup(cur->str));
			clang_disposeString(s);
			break;
		} else if (depth == 1 && !strcmp(p, ",")) {
			g_ptr_array_add(args, g_strdup(cur->str));
			g_string_truncate(cur, 0);
		} else if (depth >= 1) {
			g_string_append(cur, p);
		} else if (!args) {
			clang_disposeString(s);
			break;	/* not an invocation with arguments */
		}
		clang_disposeString(s);
	}
	g_string_free(cur, TRUE);
	clang_disposeTokens(tu, tok, n);
	return args;
}

/* Unexposed attributes: read "name ( args )" from the tokens. */
static bool unexposed(CXCursor fn, CXCursor a, struct cck_role *r)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(a);
	CXToken *tok;
	unsigned n;
	clang_tokenize(tu, clang_getCursorExtent(a), &tok, &n);
	if (n == 0)
		return false;
	GPtrArray *t = g_ptr_array_new_with_free_func(g_free);
	for (unsigned i = 0; i < n; i++) {
		CXString s = clang_getTokenSpelling(tu, tok[i]);
		g_ptr_array_add(t, g_strdup(clang_getCString(s)));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, tok, n);
	const char *name = t->pdata[0];
	char *spelled = NULL;
	if (!known_attr(name) && (spelled = name_in_macro(a)))
		name = spelled;	/* ACQUIRE(m) from #define ACQUIRE(...) acquire_capability(...) */
	/* The arguments between the outer parentheses, split at top-level commas. */
	GPtrArray *args = g_ptr_array_new_with_free_func(g_free);
	GString *cur = g_string_new(NULL);
	int depth = 0;
	for (unsigned i = 1; i < t->len; i++) {
		const char *s = t->pdata[i];
		if (!strcmp(s, "(") && depth++ == 0)
			continue;
		if (!strcmp(s, ")") && --depth == 0)
			break;
		if (!strcmp(s, ",") && depth == 1) {
			g_ptr_array_add(args, g_string_free(cur, FALSE));
			cur = g_string_new(NULL);
			continue;
		}
		g_string_append(cur, s);
	}
	if (cur->len)
		g_ptr_array_add(args, g_string_free(cur, FALSE));
	else
		g_string_free(cur, TRUE);

	GPtrArray *inv = macro_args(a);
	if (inv && (args->len == inv->len ||
		    (args->len == 1 && !strcmp(args->pdata[0], "__VA_ARGS__")))) {
		g_ptr_array_free(args, TRUE);	/* the macro's parameters stand */
		args = inv;			/* for what its invocation passed */
		inv = NULL;
	}
	if (inv)
		g_ptr_array_free(inv, TRUE);
	bool hit = true;
	const char *a0 = args->len > 0 ? args->pdata[0] : NULL;
	const char *a1 = args->len > 1 ? args->pdata[1] : NULL;
	if ((!strcmp(name, "acquire_capability") ||
	     !strcmp(name, "acquire_shared_capability") ||
	     !strcmp(name, "exclusive_lock_function") ||
	     !strcmp(name, "shared_lock_function")) && a0) {
		g_free(r->acquire_expr);	/* several attributes: the last one stands */
		r->acquire_expr = capability_pattern(fn, a0);
	} else if ((!strcmp(name, "release_capability") ||
		    !strcmp(name, "release_shared_capability") ||
		    !strcmp(name, "release_generic_capability") ||
		    !strcmp(name, "unlock_function")) && a0) {
		g_free(r->release_expr);	/* several attributes: the last one stands */
		r->release_expr = capability_pattern(fn, a0);
	} else if ((!strcmp(name, "try_acquire_capability") ||
		    !strcmp(name, "try_acquire_shared_capability") ||
		    !strcmp(name, "exclusive_trylock_function")) && a1) {
		int m = success_mask(a0);
		g_free(r->try_acquire_expr);	/* several attributes: the last one stands */
		r->try_acquire_expr = capability_pattern(fn, a1);
		r->try_success = m < 0 ? CCK_NONZERO : m;
	} else if (!strcmp(name, "ownership_returns")) {
		r->returns_owned = true;
		r->owned_success = CCK_NONZERO;
	} else if ((!strcmp(name, "ownership_takes") ||
		    !strcmp(name, "ownership_holds")) && a1 && atoi(a1) > 0) {
		r->consumes = atoi(a1) - 1;
	} else {
		hit = false;
	}
	g_ptr_array_free(args, TRUE);
	g_ptr_array_free(t, TRUE);
	g_free(spelled);
	return hit;
}

struct scan {
	CXCursor fn;
	struct cck_role *r;
	bool any;
};

static enum CXChildVisitResult attr(CXCursor c, CXCursor parent, CXClientData d)
{
	struct scan *s = d;
	switch (clang_getCursorKind(c)) {
	case CXCursor_AnnotateAttr: {
		CXString str = clang_getCursorSpelling(c);
		s->any |= annotate(clang_getCString(str), s->r);
		clang_disposeString(str);
		break;
	}
	case CXCursor_WarnUnusedResultAttr:
		/* Not must_use: glibc and cco put it on calls whose result
		 * may be ignored without losing track of what happened
		 * (cco_sleep). CCK_MUST_USE says so explicitly. */
		break;
	case CXCursor_UnexposedAttr:
		s->any |= unexposed(s->fn, c, s->r);
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

/* Whether fn is a member function with an object: a non-static method, a
 * constructor, a destructor or a conversion. Its object is argument 0 of
 * every call and parameter 0 ("this") of its lowered body. */
bool cck_has_this(CXCursor fn)
{
	switch (clang_getCursorKind(fn)) {
	case CXCursor_Constructor:
	case CXCursor_Destructor:
	case CXCursor_ConversionFunction:
		return true;
	case CXCursor_CXXMethod:
		return !clang_CXXMethod_isStatic(fn);
	case CXCursor_FunctionTemplate: {
		enum CXCursorKind pk = clang_getCursorKind(clang_getCursorSemanticParent(fn));
		return (pk == CXCursor_ClassDecl || pk == CXCursor_StructDecl ||
			pk == CXCursor_ClassTemplate ||
			pk == CXCursor_ClassTemplatePartialSpecialization) &&
		       !clang_CXXMethod_isStatic(fn);
	}
	default:
		return false;
	}
}

bool cck_read_annotations(CXCursor fn, struct cck_role *r)
{
	cck_role_init(r);
	if (!clang_Cursor_hasAttrs(fn))
		return false;
	struct scan s = { fn, r, false };
	clang_visitChildren(fn, attr, &s);
	if (s.any && cck_has_this(fn))	/* written over the declared parameters */
		cck_role_shift(r);
	return s.any && !cck_role_is_empty(r);
}
