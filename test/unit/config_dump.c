/* config_dump: load a .cancelcheck.yaml and print what it means, one fact a
 * line, sorted, argument indices 1-based as the user wrote them.
 *   config_dump FILE.yaml       dump, or the error on stderr and exit 2
 *   config_dump --find SOURCE   the config found for SOURCE, or "none" */
#include <stdio.h>
#include <string.h>
#include "config.h"

static const char *mask_name(unsigned m)
{
	switch (m) {
	case CCK_ZERO: return "zero";
	case CCK_NONZERO: return "nonzero";
	case CCK_NONNEG: return "nonneg";
	case CCK_NEG: return "neg";
	case CCK_POS: return "pos";
	case CCK_ANY: return "any";
	default: return "?";
	}
}

static void arg(const char *key, int i)
{
	if (i >= 0)
		printf(" %s=%d", key, i + 1);
}

static void flag(const char *key, bool b)
{
	if (b)
		printf(" %s=true", key);
}

static void dump_role(const char *name, const struct cck_role *r)
{
	printf("function %s:", name);
	if (cck_role_is_empty(r) && !r->borrows)
		printf(" (none)");
	if (r->suspends)
		printf(" suspends=%s", r->suspends == CCK_CANCEL_RETURNS ?
		       "returns" : r->suspends == CCK_CANCEL_UNWINDS ?
		       "unwinds" : "?");
	arg("acquires", r->acquires);
	arg("releases", r->releases);
	arg("try-acquires", r->try_acquires);
	if (r->try_acquires >= 0 || r->try_success)
		printf(" success=%s", mask_name(r->try_success));
	arg("consumes", r->consumes);
	arg("consumes-on-cancel", r->consumes_on_cancel);
	arg("lends", r->lends);
	if (r->returns_owned || r->owned_success)
		printf(" returns-owned=%s", r->returns_owned ?
		       mask_name(r->owned_success) : "false");
	if (r->shield)
		printf(" shield=%s", r->shield == CCK_SHIELD_BEGIN ? "begin" :
		       r->shield == CCK_SHIELD_END ? "end" : "?");
	flag("must-use", r->must_use);
	flag("borrows", r->borrows);
	flag("noreturn", r->noreturn);
	printf("\n");
}

static void dump_models(unsigned models)
{
	printf("models:");
	if (!models)
		printf(" none");
	char **names = g_strsplit_set(cck_model_names(), ", ", -1);
	unsigned known = 0;
	for (char **s = names; *s; s++) {
		int m = **s ? cck_model_by_name(*s) : -1;
		if (m > 0 && (models & (unsigned)m) == (unsigned)m)
			printf(" %s", *s);
		if (m > 0)
			known |= (unsigned)m;
	}
	if (models & ~known)
		printf(" 0x%x", models & ~known);
	printf("\n");
	g_strfreev(names);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--find")) {
		char *p = cck_config_find(argv[2]);
		printf("%s\n", p ? p : "none");
		g_free(p);
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: config_dump FILE.yaml | --find SOURCE\n");
		return 2;
	}
	char *err = NULL;
	struct cck_config *c = cck_config_load(argv[1], &err);
	if (!c) {
		fprintf(stderr, "%s\n", err ? err : "(no message)");
		g_free(err);
		return 2;
	}
	printf("path: %s\n", c->path);
	dump_models(c->models);
	if (c->checks)
		printf("checks: '%s'\n", c->checks);
	else
		printf("checks: (none)\n");
	printf("werror: %s\n", c->werror ? "true" : "false");
	printf("functions: %u\n", g_hash_table_size(c->functions));
	GList *keys = g_list_sort(g_hash_table_get_keys(c->functions),
				  (GCompareFunc)strcmp);
	for (GList *k = keys; k; k = k->next)
		dump_role(k->data, g_hash_table_lookup(c->functions, k->data));
	g_list_free(keys);
	cck_config_free(c);
	return 0;
}
