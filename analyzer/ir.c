/* IR storage, the string table, guard-key substitution and --dump-ir. */
#include <string.h>
#include "ir.h"

void cck_strtab_init(struct cck_strtab *t)
{
	t->ids = g_hash_table_new(g_str_hash, g_str_equal);
	t->strs = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(t->strs, g_strdup(""));	/* id 0 */
}

void cck_strtab_fini(struct cck_strtab *t)
{
	g_hash_table_unref(t->ids);
	g_ptr_array_free(t->strs, TRUE);
}

cck_sym cck_intern(struct cck_strtab *t, const char *s)
{
	gpointer v = g_hash_table_lookup(t->ids, s);
	if (v)
		return GPOINTER_TO_UINT(v);
	char *copy = g_strdup(s);
	g_ptr_array_add(t->strs, copy);
	cck_sym id = t->strs->len - 1;
	g_hash_table_insert(t->ids, copy, GUINT_TO_POINTER(id));
	return id;
}

const char *cck_str(const struct cck_strtab *t, cck_sym s)
{
	if (s & CCK_TEMP) {	/* temporaries have no string: render one */
		static __thread char ring[8][16];
		static __thread unsigned next;
		char *b = ring[next++ % 8];
		snprintf(b, sizeof ring[0], "%%t%u", s & ~CCK_TEMP);
		return b;
	}
	return s < t->strs->len ? t->strs->pdata[s] : "?";
}

struct cck_block *cck_block_new(struct cck_func *f)
{
	/* Blocks come and go with their function: chunks of 8, 16, ... 256 */
	unsigned n = f->chunks->len;
	unsigned cap = n ? 8u << (n - 1 < 5 ? n - 1 : 5) : 0;
	if (!n || f->chunk_used == cap) {
		cap = 8u << (n < 5 ? n : 5);
		g_ptr_array_add(f->chunks, g_new0(struct cck_block, cap));
		f->chunk_used = 0;
	}
	struct cck_block *b = (struct cck_block *)f->chunks->pdata[f->chunks->len - 1] +
			      f->chunk_used++;
	b->id = f->blocks->len;
	b->succ = b->inl;	/* most blocks have one or two successors */
	b->succ_cap = 2;
	g_ptr_array_add(f->blocks, b);
	return b;
}

void cck_block_add_succ(struct cck_block *b, uint32_t s)
{
	if (b->nsucc == b->succ_cap) {
		uint32_t *n = g_new(uint32_t, b->succ_cap * 2);
		memcpy(n, b->succ, b->nsucc * sizeof *n);
		if (b->succ != b->inl)
			g_free(b->succ);
		b->succ = n;
		b->succ_cap *= 2;
	}
	b->succ[b->nsucc++] = s;
}

static void block_free(gpointer p)
{
	struct cck_block *b = p;
	if (b->raw)
		g_array_free(b->raw, TRUE);
	if (b->ev)
		g_array_free(b->ev, TRUE);
	if (b->succ != b->inl)
		g_free(b->succ);
	if (b->cases)
		g_array_free(b->cases, TRUE);
}

struct cck_func *cck_func_new(void)
{
	struct cck_func *f = g_new0(struct cck_func, 1);
	f->blocks = g_ptr_array_new_with_free_func(block_free);
	f->chunks = g_ptr_array_new_with_free_func(g_free);
	f->args = g_array_new(FALSE, FALSE, sizeof(struct cck_arg));
	f->cleanups = g_array_new(FALSE, FALSE, sizeof(struct cck_cleanup));
	f->params = g_array_new(FALSE, FALSE, sizeof(cck_sym));
	f->locals = g_hash_table_new(NULL, NULL);
	f->callees = g_array_new(FALSE, FALSE, sizeof(cck_sym));
	f->calls_open = g_hash_table_new(NULL, NULL);
	f->calls_shielded = g_hash_table_new(NULL, NULL);
	f->reads = g_hash_table_new(NULL, NULL);
	f->blocking = g_array_new(FALSE, FALSE, sizeof(struct cck_blocking));
	cck_role_init(&f->role);
	return f;
}

void cck_func_drop_ir(struct cck_func *f)
{
	g_ptr_array_set_size(f->blocks, 0);
	g_ptr_array_set_size(f->chunks, 0);
	g_array_set_size(f->args, 0);
	for (unsigned i = 0; i < f->cleanups->len; i++) {
		struct cck_cleanup *c = &g_array_index(f->cleanups, struct cck_cleanup, i);
		if (c->effects)
			g_array_free(c->effects, TRUE);
	}
	g_array_set_size(f->cleanups, 0);
}

void cck_func_free(struct cck_func *f)
{
	if (!f)
		return;
	for (unsigned i = 0; i < f->cleanups->len; i++) {
		struct cck_cleanup *c = &g_array_index(f->cleanups, struct cck_cleanup, i);
		if (c->effects)
			g_array_free(c->effects, TRUE);
	}
	g_ptr_array_free(f->blocks, TRUE);
	g_ptr_array_free(f->chunks, TRUE);
	g_array_free(f->args, TRUE);
	g_array_free(f->cleanups, TRUE);
	g_array_free(f->params, TRUE);
	g_hash_table_unref(f->locals);
	if (f->aliases)
		g_hash_table_unref(f->aliases);
	g_array_free(f->callees, TRUE);
	g_hash_table_unref(f->calls_open);
	g_hash_table_unref(f->calls_shielded);
	g_hash_table_unref(f->reads);
	g_array_free(f->blocking, TRUE);
	if (f->kept)
		g_array_unref(f->kept);
	g_free(f->role.acquire_expr);
	g_free(f->role.release_expr);
	g_free(f->role.try_acquire_expr);
	g_free(f);
}

static bool is_ident_char(char c)
{
	return g_ascii_isalnum(c) || c == '_';
}

/* "*&x" -> "x", "&*x" -> "x", "(&x)->m" -> "x.m", "(*p).m" -> "p->m",
 * "(x)" -> "x" for a plain name; repeated until nothing changes. */
static void normalize(GString *s)
{
	bool again = true;
	while (again) {
		again = false;
		if (s->len > 2 && s->str[0] == '(' && s->str[s->len - 1] == ')') {
			size_t depth = 0, i;
			for (i = 0; i < s->len; i++) {
				depth += s->str[i] == '(';
				depth -= s->str[i] == ')';
				if (!depth)
					break;
			}
			if (i == s->len - 1) {	/* "(X)" as a whole: X */
				g_string_erase(s, s->len - 1, 1);
				g_string_erase(s, 0, 1);
				again = true;
				continue;
			}
		}
		for (size_t i = 0; i + 1 < s->len; i++) {
			char a = s->str[i], b = s->str[i + 1];
			if (((a == '*' && b == '(') || (a == '&' && b == '(')) &&
			    i + 2 < s->len && s->str[i + 2] == (a == '*' ? '&' : '*')) {
				size_t j = i + 3, depth = 1;
				while (j < s->len && depth) {
					if (s->str[j] == '(')
						depth++;
					else if (s->str[j] == ')')
						depth--;
					j++;
				}
				/* *(&X) -> X, &(*X) -> X; not "*(&X)->m", which
				 * is *((&X)->m) */
				bool postfix = j < s->len && (s->str[j] == '.' || s->str[j] == '[' ||
							      s->str[j] == '-');
				if (!depth && !postfix) {
					g_string_erase(s, j - 1, 1);
					g_string_erase(s, i, 3);
					again = true;
					break;
				}
			}
			if ((a == '*' && b == '&') || (a == '&' && b == '*')) {
				g_string_erase(s, i, 2);
				again = true;
				break;
			}
			if (a == '(' && (b == '&' || b == '*')) {
				size_t j = i + 2;
				while (j < s->len && (is_ident_char(s->str[j]) ||
						      s->str[j] == '.' ||
						      (s->str[j] == '-' && j + 1 < s->len &&
						       s->str[j + 1] == '>') ||
						      (s->str[j] == '>' && s->str[j - 1] == '-')))
					j++;
				if (j >= s->len || s->str[j] != ')')
					continue;
				const char *after = s->str + j + 1;
				if (b == '&' && !strncmp(after, "->", 2)) {
					g_string_erase(s, j, 3);
					g_string_insert_c(s, j, '.');
					g_string_erase(s, i, 2);
					again = true;
					break;
				}
				if (b == '*' && *after == '.') {
					g_string_erase(s, j, 2);
					g_string_insert(s, j, "->");
					g_string_erase(s, i, 2);
					again = true;
					break;
				}
			}
			if (a == '(' && is_ident_char(b) && (i == 0 || !is_ident_char(s->str[i - 1]))) {
				size_t j = i + 1;
				while (j < s->len && is_ident_char(s->str[j]))
					j++;
				if (j < s->len && s->str[j] == ')') {
					g_string_erase(s, j, 1);
					g_string_erase(s, i, 1);
					again = true;
					break;
				}
			}
		}
	}
}

cck_sym cck_key_subst(struct cck_strtab *t, const char *pattern,
		      const struct cck_arg *args, unsigned nargs)
{
	GString *s = g_string_new(NULL);
	for (const char *p = pattern; *p; p++) {
		if (*p == '$' && g_ascii_isdigit(p[1])) {
			unsigned i = 0;
			while (g_ascii_isdigit(p[1]))
				i = i * 10 + (*++p - '0');
			if (i >= nargs || !args[i].key) {
				g_string_free(s, TRUE);
				return 0;
			}
			const char *a = cck_str(t, args[i].key);
			bool simple = true;
			for (const char *q = a; *q; q++)
				if (!is_ident_char(*q) && *q != '.' && *q != '[' &&
				    *q != ']' && !(*q == '-' && q[1] == '>') &&
				    !(*q == '>' && q > a && q[-1] == '-'))
					simple = false;
			bool whole = p[1] == 0 && s->len == 0;
			g_string_append_printf(s, simple || whole ? "%s" : "(%s)", a);
		} else {
			g_string_append_c(s, *p);
		}
	}
	normalize(s);
	cck_sym r = cck_intern(t, s->str);
	g_string_free(s, TRUE);
	return r;
}

cck_sym cck_key_alias(struct cck_strtab *t, GHashTable *aliases, cck_sym key)
{
	if (!aliases || !key)
		return key;
	const char *k = cck_str(t, key);
	size_t lead = strspn(k, "*&(");
	GHashTableIter it;
	gpointer from, to;
	g_hash_table_iter_init(&it, aliases);
	while (g_hash_table_iter_next(&it, &from, &to)) {
		const char *a = cck_str(t, GPOINTER_TO_UINT(from));
		size_t n = strlen(a);
		if (strncmp(k + lead, a, n))
			continue;
		char next = k[lead + n];	/* k is at least that long */
		if (next && next != '.' && next != '[' && next != ')' && next != '-')
			continue;
		GString *s = g_string_new_len(k, lead);
		const char *b = cck_str(t, GPOINTER_TO_UINT(to));
		bool simple = strspn(b, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				     "0123456789_.->[]") == strlen(b);
		g_string_append_printf(s, simple ? "%s%s" : "(%s)%s", b, k + lead + n);
		normalize(s);
		cck_sym r = cck_intern(t, s->str);
		g_string_free(s, TRUE);
		return r;
	}
	return key;
}

/* ---- --dump-ir -------------------------------------------------------- */

static const char *const ev_names[] = {
	[CCK_EV_CALL] = "call", [CCK_EV_ACQUIRE] = "acquire",
	[CCK_EV_RELEASE] = "release", [CCK_EV_OWN] = "own",
	[CCK_EV_CONSUME] = "consume", [CCK_EV_LOSE_ON_CANCEL] = "consume-lost-on-cancel",
	[CCK_EV_LEND] = "lend", [CCK_EV_SUSPEND] = "suspend",
	[CCK_EV_CLEANUP_PUSH] = "cleanup-push", [CCK_EV_CLEANUP_POP] = "cleanup-pop",
	[CCK_EV_SHIELD_ON] = "shield-on", [CCK_EV_SHIELD_OFF] = "shield-off",
	[CCK_EV_COPY] = "copy", [CCK_EV_KILL] = "kill", [CCK_EV_SET] = "set", [CCK_EV_MOVE] = "move", [CCK_EV_GIVE] = "give", [CCK_EV_DIVERGE] = "diverge",
	[CCK_EV_REAP] = "reap", [CCK_EV_WRITE] = "write", [CCK_EV_BLOCK] = "block",
	[CCK_EV_DISCARD] = "discard", [CCK_EV_MARK] = "mark",
	[CCK_EV_CLEANUP_DISARM] = "cleanup-disarm", [CCK_EV_RACE] = "race",
};

static const char *mask_name(unsigned m)
{
	switch (m) {
	case CCK_NEG: return "neg";
	case CCK_ZERO: return "zero";
	case CCK_NEG | CCK_ZERO: return "nonpos";
	case CCK_POS:
	case CCK_POS_OTHER: return "pos";	/* EINPROGRESS apart: aio_error */
	case CCK_EINPROGRESS: return "einprogress";
	case CCK_NONZERO: return "nonzero";
	case CCK_NONNEG: return "nonneg";
	case CCK_ANY: return "any";
	case CCK_CANCELLED: return "cancelled";
	default: return "some";
	}
}

static const char *model_name(unsigned m)
{
	return m == CCK_CANCEL_RETURNS ? "returns" : m == CCK_CANCEL_UNWINDS ? "unwinds" :
	       m == CCK_CANCEL_DESTROYS ? "destroys" : "none";
}

static void dump_event(FILE *out, const struct cck_strtab *t, const struct cck_func *f,
		       const struct cck_event *e)
{
	fprintf(out, "    %u:%u %s", e->loc.line, e->loc.col, ev_names[e->kind]);
	switch (e->kind) {
	case CCK_EV_CALL:
		fprintf(out, " %s(", e->callee ? cck_str(t, e->callee) : "<indirect>");
		for (unsigned i = 0; i < e->nargs; i++) {
			const struct cck_arg *a = &g_array_index(f->args, struct cck_arg,
								 e->arg0 + i);
			fprintf(out, "%s%s", i ? ", " : "",
				a->key ? cck_str(t, a->key) : a->var ? cck_str(t, a->var) : "_");
		}
		fputc(')', out);
		if (e->model & CCK_CALL_DISCARDED)
			fputs(" discarded", out);
		if (e->model & CCK_CALL_UNREAD)
			fputs(" unread", out);
		break;
	case CCK_EV_ACQUIRE:
	case CCK_EV_RELEASE:
		fprintf(out, " %s", e->key ? cck_str(t, e->key) : "<every guard>");
		if (e->kind == CCK_EV_RELEASE && e->aux == CCK_RELEASE_COVERED)
			fputs(" and what it contains", out);
		break;
	case CCK_EV_SUSPEND:
		fprintf(out, " cancel=%s", model_name(e->model));
		if (e->var)
			fprintf(out, " if %s %s", cck_str(t, e->var), mask_name(e->mask));
		break;
	case CCK_EV_CONSUME: {
		static const char *const how[] = { "call", "store", "escape", "escape-address" };
		fprintf(out, " %s by %s", cck_str(t, e->var), how[e->aux % 4]);
		break;
	}
	case CCK_EV_SET:
		fprintf(out, " %s %s", cck_str(t, e->var), mask_name(e->mask));
		break;
	case CCK_EV_MOVE:
	case CCK_EV_GIVE:
		fprintf(out, " %s", cck_str(t, e->var));
		break;
	case CCK_EV_LOSE_ON_CANCEL:
	case CCK_EV_KILL:
		fprintf(out, " %s", cck_str(t, e->var));
		break;
	case CCK_EV_LEND:
		fprintf(out, " %s%s until reap of %s", cck_str(t, e->var),
			e->aux & CCK_LEND_STACK ? " (stack)" : "",
			e->var2 ? cck_str(t, e->var2) : "any source");
		break;
	case CCK_EV_REAP:
		fprintf(out, " %s", e->var2 ? cck_str(t, e->var2) : "any source");
		if (e->res)
			fprintf(out, " if %s %s", cck_str(t, e->res), mask_name(e->mask));
		break;
	case CCK_EV_WRITE:
		fprintf(out, " %s%s", cck_str(t, e->key), e->aux ? " if cancelled" : "");
		break;
	case CCK_EV_BLOCK:
		if (e->var2)
			fprintf(out, " via %s", cck_str(t, e->var2));
		break;
	case CCK_EV_MARK:
		fprintf(out, " %s%s", cck_str(t, e->var), e->aux ? " (shut down)" : "");
		break;
	case CCK_EV_DISCARD:
		fputs(e->aux ? " (assigned, never read)" : "", out);
		break;

	case CCK_EV_COPY:
		fprintf(out, " %s = %s", cck_str(t, e->var), cck_str(t, e->var2));
		break;
	case CCK_EV_RACE:
		fprintf(out, " %s against %s", e->var ? cck_str(t, e->var) : "_",
			e->var2 ? cck_str(t, e->var2) : "_");
		break;
	case CCK_EV_CLEANUP_DISARM:
	case CCK_EV_CLEANUP_PUSH: {
		const struct cck_cleanup *c = &g_array_index(f->cleanups,
			struct cck_cleanup, e->var);
		fprintf(out, " %s(%s)%s", c->handler ? cck_str(t, c->handler) : "<unknown>",
			c->arg.key ? cck_str(t, c->arg.key) : "_",
			c->on_cancel ? "" : " normal-exit-only");
		if (e->kind == CCK_EV_CLEANUP_DISARM && e->var2) {
			c = &g_array_index(f->cleanups, struct cck_cleanup, e->var2 - 1);
			fprintf(out, " for %s(%s)", cck_str(t, c->handler),
				c->arg.key ? cck_str(t, c->arg.key) : "_");
		}
		break;
	}
	default:
		break;
	}
	if (e->kind != CCK_EV_CALL && e->callee && e->kind != CCK_EV_CLEANUP_PUSH)
		fprintf(out, " [%s]", cck_str(t, e->callee));
	if (e->res && (e->kind == CCK_EV_CALL || e->kind == CCK_EV_OWN || e->kind == CCK_EV_MOVE ||
		       e->kind == CCK_EV_GIVE ||
		       e->kind == CCK_EV_SUSPEND || e->kind == CCK_EV_ACQUIRE))
		fprintf(out, " -> %s", cck_str(t, e->res));
	if ((e->kind == CCK_EV_ACQUIRE && e->res) || e->kind == CCK_EV_OWN ||
	    e->kind == CCK_EV_MOVE || e->kind == CCK_EV_GIVE)
		fprintf(out, " if %s", mask_name(e->mask));
	fputc('\n', out);
}

void cck_dump_func(FILE *out, const struct cck_strtab *t, const struct cck_func *f,
		   bool resolved)
{
	static const char *const cmp[] = { "!=", "==", "<", "<=", ">", ">=" };
	fprintf(out, "function %s\n", cck_str(t, f->name));
	for (unsigned i = 0; i < f->blocks->len; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		fprintf(out, "  bb%u:\n", b->id);
		const GArray *ev = resolved && b->ev ? b->ev : b->raw;
		for (unsigned j = 0; ev && j < ev->len; j++)
			dump_event(out, t, f, &g_array_index(ev, struct cck_event, j));
		fputs("    ", out);
		switch (b->term) {
		case CCK_T_GOTO:
			fprintf(out, "goto bb%u\n", b->succ[0]);
			break;
		case CCK_T_BRANCH:
			if (b->cmp_var)
				fprintf(out, "branch %s %s %lld ? bb%u : bb%u\n",
					cck_str(t, b->cmp_var), cmp[b->cmp_op],
					(long long)b->cmp_k,
					b->succ[0],
					b->succ[1]);
			else
				fprintf(out, "branch ? bb%u : bb%u\n",
					b->succ[0],
					b->succ[1]);
			break;
		case CCK_T_SWITCH:
			fputs("switch", out);
			if (b->cmp_var)
				fprintf(out, " %s", cck_str(t, b->cmp_var));
			for (unsigned j = 0; j < b->nsucc; j++) {
				const struct cck_case *c = b->cases && j < b->cases->len ?
					&g_array_index(b->cases, struct cck_case, j) : NULL;
				if (c && c->is_default)
					fputs(" default:", out);
				else if (c && c->known)
					fprintf(out, " %lld:", (long long)c->k);
				fprintf(out, " bb%u", b->succ[j]);
			}
			fputc('\n', out);
			break;
		case CCK_T_RETURN:
			fprintf(out, "return%s%s\n", b->ret ? " " : "",
				b->ret ? cck_str(t, b->ret) : "");
			break;
		case CCK_T_NORETURN:
			fputs("noreturn\n", out);
			break;
		default:
			fputs("<open>\n", out);
		}
	}
}
