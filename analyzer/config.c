/* .cancelcheck.yaml: found upward from a source file, loaded with libyaml's
 * document API, checked strictly. Every error names the file, the 1-based
 * line and column of the offending node, and what is wrong with it. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "config.h"

#define CONFIG_NAME ".cancelcheck.yaml"

char *cck_config_find(const char *source)
{
	if (!source || !*source)
		return NULL;
	char *abs = g_canonicalize_filename(source, NULL);
	char *dir = g_path_get_dirname(abs);
	g_free(abs);
	for (;;) {
		char *cand = g_build_filename(dir, CONFIG_NAME, NULL);
		if (g_file_test(cand, G_FILE_TEST_IS_REGULAR)) {
			g_free(dir);
			return cand;
		}
		g_free(cand);
		char *parent = g_path_get_dirname(dir);
		if (!strcmp(parent, dir)) {
			g_free(parent);
			break;
		}
		g_free(dir);
		dir = parent;
	}
	g_free(dir);
	return NULL;
}

/* ---- error reporting ---------------------------------------------------- */

struct ctx {
	const char *path;
	yaml_document_t *doc;
	struct cck_config *cfg;
	char *err;		/* the first error, "<path>:<line>:<col>: ..." */
};

static bool G_GNUC_PRINTF(3, 4)
fail(struct ctx *c, yaml_mark_t m, const char *fmt, ...)
{
	if (c->err)
		return false;
	va_list ap;
	va_start(ap, fmt);
	char *msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	c->err = g_strdup_printf("%s:%zu:%zu: %s", c->path, m.line + 1,
				 m.column + 1, msg);
	g_free(msg);
	return false;
}

/* User text inside a message: one line, bounded, control bytes escaped. */
static char *show(const char *s, size_t len)
{
	GString *o = g_string_new(NULL);
	size_t chars = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch & 0xc0) != 0x80 && ++chars > 80) {
			g_string_append(o, "...");
			break;
		}
		if (ch < 0x20 || ch == 0x7f)
			g_string_append_printf(o, "\\x%02x", ch);
		else
			g_string_append_c(o, (char)ch);
	}
	return g_string_free(o, FALSE);
}

/* ---- node helpers ------------------------------------------------------- */

static yaml_node_t *node(struct ctx *c, int i)
{
	return yaml_document_get_node(c->doc, i);
}

static const char *sval(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static bool is_plain(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

/* Core schema null: an empty value, ~ or null, unquoted. */
static bool is_null(const yaml_node_t *n)
{
	if (!is_plain(n))
		return false;
	const char *v = sval(n);
	return !*v || !strcmp(v, "~") || !strcmp(v, "null") ||
	       !strcmp(v, "Null") || !strcmp(v, "NULL");
}

/* What a node is, for "got ..." in messages (g_free it). */
static char *describe(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_MAPPING_NODE:
		return g_strdup("a mapping");
	case YAML_SEQUENCE_NODE:
		return g_strdup("a sequence");
	case YAML_SCALAR_NODE:
		break;
	default:
		return g_strdup("nothing");
	}
	if (is_null(n))
		return g_strdup("null");
	char *s = show(sval(n), n->data.scalar.length);
	char *d = g_strdup_printf(is_plain(n) ? "'%s'" : "the string '%s'", s);
	g_free(s);
	return d;
}

/* A scalar usable as a C string: no NUL inside. */
static bool text(struct ctx *c, const yaml_node_t *n, const char *what)
{
	if (n->type != YAML_SCALAR_NODE || is_null(n)) {
		char *d = describe(n);
		fail(c, n->start_mark, "expected %s, got %s", what, d);
		g_free(d);
		return false;
	}
	if (strlen(sval(n)) != n->data.scalar.length)
		return fail(c, n->start_mark, "nul character in %s", what);
	return true;
}

/* ---- "did you mean" ----------------------------------------------------- */

static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65], prev;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

/* Lower case, '_' and ' ' as '-': "Consumes_On_Cancel" ~ "consumes-on-cancel". */
static char *fold(const char *s)
{
	char *f = g_ascii_strdown(s, -1);
	for (char *p = f; *p; p++)
		if (*p == '_' || *p == ' ')
			*p = '-';
	return f;
}

/* " (did you mean 'x'?)" for the closest candidate, or "" (g_free it). */
static char *suggest(const char *word, const char *const *cands, size_t n)
{
	char *w = fold(word);
	const char *best = NULL;
	size_t bestd = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		char *f = fold(cands[i]);
		size_t d = distance(w, f);
		g_free(f);
		if (d < bestd && d <= 2 && d * 2 < strlen(cands[i])) {
			bestd = d;
			best = cands[i];
		}
	}
	g_free(w);
	return best ? g_strdup_printf(" (did you mean '%s'?)", best)
		    : g_strdup("");
}

/* ---- value tables ------------------------------------------------------- */

struct name_val {
	const char *name;
	int val;
};

static const struct name_val suspends_vals[] = {
	{ "returns", CCK_CANCEL_RETURNS },
	{ "unwinds", CCK_CANCEL_UNWINDS },
};

static const struct name_val success_vals[] = {
	{ "zero", CCK_ZERO },	  { "nonzero", CCK_NONZERO },
	{ "nonnull", CCK_NONZERO }, { "nonneg", CCK_NONNEG },
	{ "neg", CCK_NEG },	  { "pos", CCK_POS },
	{ "always", CCK_ANY },
};

static const struct name_val owned_vals[] = {
	{ "true", CCK_NONZERO },   { "false", 0 },
	{ "nonnull", CCK_NONZERO }, { "nonzero", CCK_NONZERO },
	{ "nonneg", CCK_NONNEG },  { "zero", CCK_ZERO },
	{ "neg", CCK_NEG },	   { "pos", CCK_POS },
};

static const struct name_val shield_vals[] = {
	{ "begin", CCK_SHIELD_BEGIN },
	{ "end", CCK_SHIELD_END },
};

static const struct name_val bool_vals[] = {
	{ "true", 1 }, { "True", 1 }, { "TRUE", 1 },
	{ "false", 0 }, { "False", 0 }, { "FALSE", 0 },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Looks n up in vals; else reports an unknown value or a wrong type. */
static bool pick(struct ctx *c, const yaml_node_t *n, const struct name_val *vals,
		 size_t nvals, const char *what, int *out)
{
	GString *alts = g_string_new(NULL);
	const char *cands[16];
	for (size_t i = 0; i < nvals && i < N(cands); i++) {
		cands[i] = vals[i].name;
		if (vals == bool_vals && strcmp(vals[i].name, "true") &&
		    strcmp(vals[i].name, "false"))
			continue;
		g_string_append_printf(alts, "%s%s", alts->len ? "|" : "",
				       vals[i].name);
	}
	bool ok = false;
	/* A quoted "true" is a string, as a quoted "2" is no index. */
	bool typed = vals != bool_vals || is_plain(n);
	if (n->type == YAML_SCALAR_NODE && !is_null(n) && typed &&
	    strlen(sval(n)) == n->data.scalar.length) {
		for (size_t i = 0; i < nvals; i++)
			if (!strcmp(sval(n), vals[i].name)) {
				*out = vals[i].val;
				ok = true;
				break;
			}
		if (!ok) {
			char *d = describe(n);
			char *hint = suggest(sval(n), cands,
					     nvals < N(cands) ? nvals : N(cands));
			fail(c, n->start_mark,
			     "unknown value %s for %s; expected %s%s", d, what,
			     alts->str, hint);
			g_free(hint);
			g_free(d);
		}
	} else {
		char *d = describe(n);
		fail(c, n->start_mark, "expected %s for %s, got %s", alts->str,
		     what, d);
		g_free(d);
	}
	g_string_free(alts, TRUE);
	return ok;
}

/* A 1-based argument index, stored 0-based. */
static bool arg_index(struct ctx *c, const yaml_node_t *n, const char *what,
		      signed char *out)
{
	if (n->type != YAML_SCALAR_NODE || is_null(n) || !is_plain(n)) {
		char *d = describe(n);
		fail(c, n->start_mark,
		     "expected a 1-based argument index for %s, got %s", what, d);
		g_free(d);
		return false;
	}
	const char *v = sval(n);
	const char *p = v + (*v == '+');
	bool digits = *p != 0;
	for (const char *q = p; *q; q++)
		if (*q < '0' || *q > '9')
			digits = false;
	char *d = describe(n);
	bool ok = false;
	if (!digits || strlen(v) != n->data.scalar.length)
		fail(c, n->start_mark,
		     "argument index for %s must be a positive integer, got %s",
		     what, d);
	else if (strspn(p, "0") == strlen(p))
		fail(c, n->start_mark,
		     "argument index for %s must be a positive integer, got %s "
		     "(indices are 1-based)", what, d);
	else if (strlen(p) > 3 || atoi(p) > 127)
		fail(c, n->start_mark,
		     "argument index %s for %s is out of range (1-127)", d, what);
	else {
		*out = (signed char)(atoi(p) - 1);
		ok = true;
	}
	g_free(d);
	return ok;
}

/* ---- function roles ----------------------------------------------------- */

enum kind { K_INDEX, K_BOOL, K_SUSPENDS, K_SUCCESS, K_OWNED, K_SHIELD, K_POINTEE, K_LEND };

static const struct role_key {
	const char *name;
	enum kind kind;
	size_t off;
} role_keys[] = {
	{ "suspends", K_SUSPENDS, offsetof(struct cck_role, suspends) },
	{ "acquires", K_INDEX, offsetof(struct cck_role, acquires) },
	{ "releases", K_INDEX, offsetof(struct cck_role, releases) },
	{ "try-acquires", K_INDEX, offsetof(struct cck_role, try_acquires) },
	{ "success", K_SUCCESS, offsetof(struct cck_role, try_success) },
	{ "consumes", K_INDEX, offsetof(struct cck_role, consumes) },
	{ "consumes-on-cancel", K_INDEX,
	  offsetof(struct cck_role, consumes_on_cancel) },
	{ "lends", K_INDEX, offsetof(struct cck_role, lends) },
	{ "lends-until-reap", K_LEND, offsetof(struct cck_role, lends_async) },
	{ "lend-source", K_INDEX, offsetof(struct cck_role, lend_ring) },
	{ "lends-descriptor", K_INDEX, offsetof(struct cck_role, lends_fd) },
	{ "lend-success", K_SUCCESS, offsetof(struct cck_role, lend_success) },
	{ "reaps", K_BOOL, offsetof(struct cck_role, reaps) },
	{ "reap-source", K_INDEX, offsetof(struct cck_role, reap_ring) },
	{ "reap-success", K_SUCCESS, offsetof(struct cck_role, reap_success) },
	{ "writes", K_INDEX, offsetof(struct cck_role, writes) },
	{ "write-progress", K_INDEX, offsetof(struct cck_role, write_progress) },
	{ "blocks", K_BOOL, offsetof(struct cck_role, blocks) },
	{ "nonblocking", K_BOOL, offsetof(struct cck_role, nonblocking) },
	{ "coroutine-body", K_INDEX, offsetof(struct cck_role, coroutine_body) },
	{ "takes-if", K_INDEX, offsetof(struct cck_role, gives) },
	{ "takes-pointee-if", K_POINTEE, offsetof(struct cck_role, gives) },
	{ "takes-success", K_SUCCESS, offsetof(struct cck_role, gives_success) },
	{ "returns-owned", K_OWNED, offsetof(struct cck_role, owned_success) },
	{ "shield", K_SHIELD, offsetof(struct cck_role, shield) },
	{ "must-use", K_BOOL, offsetof(struct cck_role, must_use) },
	{ "borrows", K_BOOL, offsetof(struct cck_role, borrows) },
	{ "noreturn", K_BOOL, offsetof(struct cck_role, noreturn) },
};

static size_t role_key(const char *name)
{
	size_t i;
	for (i = 0; i < N(role_keys); i++)
		if (!strcmp(name, role_keys[i].name))
			break;
	return i;
}

static bool role_value(struct ctx *c, const struct role_key *k,
		       const yaml_node_t *v, const char *fn, struct cck_role *r)
{
	unsigned char *field = (unsigned char *)r + k->off;
	char *what = g_strdup_printf("'%s' of function '%s'", k->name, fn);
	int val = 0;
	bool ok;
	switch (k->kind) {
	case K_INDEX:
		ok = arg_index(c, v, what, (signed char *)field);
		break;
	case K_LEND: {	/* one argument, or a list of them */
		signed char ix;
		ok = true;
		if (v->type == YAML_SEQUENCE_NODE) {
			for (yaml_node_item_t *it = v->data.sequence.items.start;
			     ok && it < v->data.sequence.items.top; it++)
				if ((ok = arg_index(c, node(c, *it), what, &ix) && ix < 16))
					r->lends_async |= 1u << ix;
		} else if ((ok = arg_index(c, v, what, &ix) && ix < 16)) {
			r->lends_async |= 1u << ix;
		}
		if (!ok)	/* keeps the first error if there was one */
			fail(c, v->start_mark, "argument index for %s is out of range (1-16)", what);
		break;
	}
	case K_POINTEE:	/* the caller passes &value: the value is taken */
		ok = arg_index(c, v, what, (signed char *)field);
		r->gives_pointee = true;
		break;
	case K_BOOL:
		ok = pick(c, v, bool_vals, N(bool_vals), what, &val);
		if (ok)
			*(bool *)field = val;
		break;
	case K_SUSPENDS:
		ok = pick(c, v, suspends_vals, N(suspends_vals), what, &val);
		*field = (unsigned char)val;
		break;
	case K_SUCCESS:
		ok = pick(c, v, success_vals, N(success_vals), what, &val);
		*field = (unsigned char)val;
		break;
	case K_OWNED:
		ok = pick(c, v, owned_vals, N(owned_vals), what, &val);
		r->returns_owned = val != 0;
		*field = (unsigned char)val;
		break;
	case K_SHIELD:
		ok = pick(c, v, shield_vals, N(shield_vals), what, &val);
		*field = (unsigned char)val;
		break;
	default:
		ok = false;
	}
	g_free(what);
	return ok;
}

/* Where name was first defined in the functions mapping m. */
static yaml_mark_t first_key(struct ctx *c, const yaml_node_t *m,
			     const char *name)
{
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(c, p->key);
		if (k->type == YAML_SCALAR_NODE && !strcmp(sval(k), name))
			return k->start_mark;
	}
	return m->start_mark;
}

static bool function(struct ctx *c, const yaml_node_t *m,
		     const yaml_node_t *kn, const yaml_node_t *vn)
{
	if (!text(c, kn, "a function name"))
		return false;
	const char *fn = sval(kn);
	char *sfn = show(fn, strlen(fn));
	bool ok = false;
	struct cck_role *r = g_new(struct cck_role, 1);
	cck_role_init(r);
	if (g_hash_table_contains(c->cfg->functions, fn)) {
		yaml_mark_t f = first_key(c, m, fn);
		fail(c, kn->start_mark,
		     "duplicate function '%s' (first defined at %zu:%zu)", sfn,
		     f.line + 1, f.column + 1);
		goto out;
	}
	if (vn->type != YAML_MAPPING_NODE) {
		char *d = describe(vn);
		fail(c, vn->start_mark,
		     "expected a mapping of roles for function '%s', got %s",
		     sfn, d);
		g_free(d);
		goto out;
	}
	const yaml_node_t *seen[N(role_keys)] = { 0 };
	for (yaml_node_pair_t *p = vn->data.mapping.pairs.start;
	     p < vn->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
		char *what = g_strdup_printf("a role name for function '%s'", sfn);
		bool isname = text(c, k, what);
		g_free(what);
		if (!isname)
			goto out;
		size_t i = role_key(sval(k));
		if (i == N(role_keys)) {
			const char *cands[N(role_keys)];
			for (size_t j = 0; j < N(role_keys); j++)
				cands[j] = role_keys[j].name;
			char *hint = suggest(sval(k), cands, N(cands));
			char *sk = show(sval(k), k->data.scalar.length);
			fail(c, k->start_mark,
			     "unknown key '%s' for function '%s'%s", sk, sfn,
			     hint);
			g_free(sk);
			g_free(hint);
			goto out;
		}
		if (seen[i]) {
			fail(c, k->start_mark,
			     "duplicate key '%s' for function '%s'",
			     role_keys[i].name, sfn);
			goto out;
		}
		seen[i] = k;
		if (!role_value(c, &role_keys[i], v, sfn, r))
			goto out;
	}
	const yaml_node_t *success = seen[role_key("success")];
	const yaml_node_t *try_acquires = seen[role_key("try-acquires")];
	if (success && !try_acquires) {
		fail(c, success->start_mark,
		     "'success' without 'try-acquires' for function '%s'", sfn);
		goto out;
	}
	if (try_acquires && !success)
		r->try_success = CCK_ZERO;
	const yaml_node_t *takes = seen[role_key("takes-if")];
	const yaml_node_t *takes_p = seen[role_key("takes-pointee-if")];
	const yaml_node_t *takes_s = seen[role_key("takes-success")];
	if (takes && takes_p) {
		fail(c, takes_p->start_mark, "'takes-if' and 'takes-pointee-if' together "
		     "for function '%s'", sfn);
		goto out;
	}
	if (takes_s && !takes && !takes_p) {
		fail(c, takes_s->start_mark, "'takes-success' without 'takes-if' or "
		     "'takes-pointee-if' for function '%s'", sfn);
		goto out;
	}
	if ((takes || takes_p) && !takes_s)
		r->gives_success = CCK_ZERO;
	g_hash_table_insert(c->cfg->functions, g_strdup(fn), r);
	r = NULL;
	ok = true;
out:
	g_free(r);
	g_free(sfn);
	return ok;
}

static bool functions(struct ctx *c, const yaml_node_t *n)
{
	if (is_null(n))
		return true;
	if (n->type != YAML_MAPPING_NODE) {
		char *d = describe(n);
		fail(c, n->start_mark,
		     "expected a mapping of function names to roles for "
		     "'functions', got %s", d);
		g_free(d);
		return false;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++)
		if (!function(c, n, node(c, p->key), node(c, p->value)))
			return false;
	return true;
}

/* ---- models, checks ----------------------------------------------------- */

static bool model(struct ctx *c, const yaml_node_t *n)
{
	if (!text(c, n, "a model name"))
		return false;
	int m = cck_model_by_name(sval(n));
	if (m >= 0) {
		c->cfg->models |= (unsigned)m;
		return true;
	}
	char **names = g_strsplit_set(cck_model_names(), ", ", -1);
	const char *cands[16];
	size_t nc = 0;
	for (char **s = names; *s && nc < N(cands); s++)
		if (**s)
			cands[nc++] = *s;
	char *hint = suggest(sval(n), cands, nc);
	char *d = describe(n);
	fail(c, n->start_mark, "unknown model %s%s; known models: %s", d, hint,
	     cck_model_names());
	g_free(d);
	g_free(hint);
	g_strfreev(names);
	return false;
}

static bool models(struct ctx *c, const yaml_node_t *n)
{
	if (is_null(n))
		return true;
	if (n->type == YAML_SCALAR_NODE)
		return model(c, n);
	if (n->type != YAML_SEQUENCE_NODE) {
		char *d = describe(n);
		fail(c, n->start_mark,
		     "expected a model name or a list of them for 'models', got %s",
		     d);
		g_free(d);
		return false;
	}
	for (yaml_node_item_t *i = n->data.sequence.items.start;
	     i < n->data.sequence.items.top; i++)
		if (!model(c, node(c, *i)))
			return false;
	return true;
}

static bool checks(struct ctx *c, const yaml_node_t *n)
{
	if (is_null(n))
		return true;
	if (!text(c, n, "a string of check globs for 'checks'"))
		return false;
	c->cfg->checks = g_strdup(sval(n));
	c->cfg->checks_line = n->start_mark.line + 1;
	c->cfg->checks_col = n->start_mark.column + 1;
	return true;
}

/* werror: findings fail the compile under cancelcheck-cc (the plugin
 * follows the compile's own -Werror). */
/* lock-guards: C++ classes that lock the mutex they are constructed with
 * and unlock it in their destructor, as std::lock_guard does. */
static bool lock_guard_name(struct ctx *c, const yaml_node_t *n)
{
	if (!text(c, n, "a C++ class name (ns::guard) in 'lock-guards'"))
		return false;
	g_hash_table_add(c->cfg->lock_guards, g_strdup(sval(n)));
	return true;
}

static bool lock_guards(struct ctx *c, const yaml_node_t *n)
{
	if (is_null(n))
		return true;
	if (n->type == YAML_SCALAR_NODE)
		return lock_guard_name(c, n);
	if (n->type != YAML_SEQUENCE_NODE) {
		char *d = describe(n);
		fail(c, n->start_mark,
		     "expected a class name or a list of them for 'lock-guards', got %s", d);
		g_free(d);
		return false;
	}
	for (yaml_node_item_t *i = n->data.sequence.items.start;
	     i < n->data.sequence.items.top; i++)
		if (!lock_guard_name(c, node(c, *i)))
			return false;
	return true;
}

static bool werror(struct ctx *c, const yaml_node_t *n)
{
	if (is_null(n))
		return true;
	int val = 0;
	if (!pick(c, n, bool_vals, N(bool_vals), "'werror'", &val))
		return false;
	c->cfg->werror = val;
	return true;
}

/* ---- top level ---------------------------------------------------------- */

static const struct {
	const char *name;
	bool (*fn)(struct ctx *, const yaml_node_t *);
} top_keys[] = {
	{ "models", models },
	{ "checks", checks },
	{ "functions", functions },
	{ "werror", werror },
	{ "lock-guards", lock_guards },
};

static bool top(struct ctx *c, const yaml_node_t *n)
{
	if (!n || is_null(n))	/* empty file, or only comments or "---" */
		return true;
	if (n->type != YAML_MAPPING_NODE) {
		char *d = describe(n);
		fail(c, n->start_mark,
		     "expected a mapping with keys models, checks, functions, werror, lock-guards at "
		     "the top level, got %s", d);
		g_free(d);
		return false;
	}
	bool seen[N(top_keys)] = { 0 };
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
		if (!text(c, k, "a key at the top level"))
			return false;
		size_t i;
		for (i = 0; i < N(top_keys); i++)
			if (!strcmp(sval(k), top_keys[i].name))
				break;
		if (i == N(top_keys)) {
			const char *cands[N(top_keys)];
			for (size_t j = 0; j < N(top_keys); j++)
				cands[j] = top_keys[j].name;
			char *hint = suggest(sval(k), cands, N(cands));
			char *sk = show(sval(k), k->data.scalar.length);
			fail(c, k->start_mark,
			     "unknown top-level key '%s'%s; known keys: models, "
			     "checks, functions, werror", sk, hint);
			g_free(sk);
			g_free(hint);
			return false;
		}
		if (seen[i])
			return fail(c, k->start_mark, "duplicate key '%s'",
				    top_keys[i].name);
		seen[i] = true;
		if (!top_keys[i].fn(c, v))
			return false;
	}
	return true;
}

/* ---- loading ------------------------------------------------------------ */

void cck_config_free(struct cck_config *c)
{
	if (!c)
		return;
	g_free(c->path);
	g_free(c->checks);
	if (c->functions)
		g_hash_table_destroy(c->functions);
	if (c->lock_guards)
		g_hash_table_destroy(c->lock_guards);
	g_free(c);
}

/* The whole file, or NULL and errno. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	GString *s = g_string_new(NULL);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		g_string_append_len(s, buf, (gssize)n);
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		g_string_free(s, TRUE);
		errno = e ? e : EIO;
		return NULL;
	}
	fclose(f);
	*len = s->len;
	return g_string_free(s, FALSE);
}

/* A libyaml failure as "<path>:<line>:<col>: invalid yaml: ...". */
static void parse_error(struct ctx *c, yaml_parser_t *p, const char *buf,
			size_t len)
{
	yaml_mark_t m = p->problem_mark;
	if (p->error == YAML_MEMORY_ERROR) {
		fail(c, m, "out of memory");
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		/* Only a byte offset: count lines and columns ourselves. */
		m.line = m.column = 0;
		for (size_t i = 0; i < p->problem_offset && i < len; i++) {
			if (buf[i] == '\n') {
				m.line++;
				m.column = 0;
			} else if (((unsigned char)buf[i] & 0xc0) != 0x80) {
				m.column++;
			}
		}
		if (p->problem_value != -1)
			fail(c, m, "invalid yaml: %s (byte 0x%02x)",
			     p->problem ? p->problem : "cannot read",
			     (unsigned)p->problem_value);
		else
			fail(c, m, "invalid yaml: %s",
			     p->problem ? p->problem : "cannot read");
		return;
	}
	const char *problem = p->problem ? p->problem : "syntax error";
	/* "checks: *,-x" reads as an alias: say what to do about it. */
	if (p->context && !strcmp(p->context, "while scanning an alias"))
		fail(c, m, "invalid yaml: %s (%s at %zu:%zu); quote values that "
		     "start with '*'", problem, p->context,
		     p->context_mark.line + 1, p->context_mark.column + 1);
	else if (p->context)
		fail(c, m, "invalid yaml: %s (%s at %zu:%zu)", problem,
		     p->context, p->context_mark.line + 1,
		     p->context_mark.column + 1);
	else
		fail(c, m, "invalid yaml: %s", problem);
}

struct cck_config *cck_config_load(const char *path, char **err)
{
	size_t len = 0;
	char *buf = slurp(path, &len);
	if (!buf) {
		if (err)
			*err = g_strdup_printf("%s: cannot read: %s", path,
					       g_strerror(errno));
		return NULL;
	}

	struct cck_config *cfg = g_new0(struct cck_config, 1);
	cfg->path = g_strdup(path);
	cfg->functions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					       cck_role_free);
	cfg->lock_guards = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	yaml_document_t doc;
	struct ctx c = { .path = path, .doc = &doc, .cfg = cfg };

	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		yaml_mark_t zero = { 0 };
		fail(&c, zero, "out of memory");
		goto done;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&parser, &doc)) {
		parse_error(&c, &parser, buf, len);
	} else {
		top(&c, yaml_document_get_root_node(&doc));
		bool had_root = yaml_document_get_root_node(&doc) != NULL;
		yaml_document_delete(&doc);
		/* One document only: a second one would be silently ignored. */
		if (!c.err && had_root) {
			if (!yaml_parser_load(&parser, &doc))
				parse_error(&c, &parser, buf, len);
			else if (yaml_document_get_root_node(&doc))
				fail(&c, doc.start_mark,
				     "expected one yaml document, found a second");
			yaml_document_delete(&doc);
		}
	}
	yaml_parser_delete(&parser);
done:
	g_free(buf);
	if (c.err) {
		cck_config_free(cfg);
		if (err)
			*err = c.err;
		else
			g_free(c.err);
		return NULL;
	}
	if (err)
		*err = NULL;
	return cfg;
}
