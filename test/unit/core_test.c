/* Unit tests of the analyzer core that need no translation unit: guard-key
 * substitution and normalization, the string table, the model table. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "ir.h"
#include "model.h"

static int failures;

#define EXPECT_STR(got, want) do {						\
	const char *g_ = (got), *w_ = (want);					\
	if (strcmp(g_, w_)) {							\
		fprintf(stderr, "%s:%d: got '%s', want '%s'\n",			\
			__FILE__, __LINE__, g_, w_);				\
		failures++;							\
	}									\
} while (0)

#define EXPECT(cond) do {							\
	if (!(cond)) {								\
		fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
		failures++;							\
	}									\
} while (0)

static const char *subst(struct cck_strtab *t, const char *pattern, const char *arg)
{
	struct cck_arg a = { .key = arg ? cck_intern(t, arg) : 0 };
	cck_sym r = cck_key_subst(t, pattern, &a, 1);
	return r ? cck_str(t, r) : "<none>";
}

static void test_keys(void)
{
	struct cck_strtab t;
	cck_strtab_init(&t);
	EXPECT_STR(subst(&t, "$0", "&q->mu"), "&q->mu");
	EXPECT_STR(subst(&t, "&$0->mu", "q"), "&q->mu");
	EXPECT_STR(subst(&t, "&$0->mu", "&c"), "&c.mu");	/* (&c)->mu */
	EXPECT_STR(subst(&t, "*$0", "&buf"), "buf");		/* *(&buf) */
	EXPECT_STR(subst(&t, "$0->buf", "&c"), "c.buf");
	EXPECT_STR(subst(&t, "&$0", "*m"), "m");		/* &(*m) */
	EXPECT_STR(subst(&t, "$0", NULL), "<none>");		/* not a path */
	EXPECT_STR(subst(&t, "$1", "x"), "<none>");		/* no such argument */
	/* interning: the same text is the same symbol */
	EXPECT(cck_intern(&t, "a") == cck_intern(&t, "a"));
	EXPECT(cck_intern(&t, "a") != cck_intern(&t, "b"));
	EXPECT_STR(cck_str(&t, CCK_TEMP | 7), "%t7");
	cck_strtab_fini(&t);
}

static void test_model(void)
{
	const struct cck_role *r = cck_model_role(CCK_MODEL_POSIX, "pthread_mutex_lock");
	EXPECT(r && r->acquires == 0 && !r->suspends);
	r = cck_model_role(CCK_MODEL_POSIX, "pthread_cond_wait");
	EXPECT(r && r->suspends == CCK_CANCEL_UNWINDS && r->acquires < 0);
	r = cck_model_role(CCK_MODEL_POSIX, "close");
	EXPECT(r && r->suspends && r->consumes == 0);	/* releases on its own edge */
	r = cck_model_role(CCK_MODEL_POSIX, "malloc");
	EXPECT(r && r->returns_owned && r->owned_success == CCK_NONZERO);
	EXPECT(cck_model_role(0, "read") == NULL);		/* model off: no role */
	EXPECT(cck_model_role(CCK_MODEL_POSIX, "printf") == NULL);
	EXPECT(cck_posix_uses_cancellation("pthread_cancel"));
	EXPECT(!cck_posix_uses_cancellation("pthread_create"));
	EXPECT(cck_model_by_name("posix") == CCK_MODEL_POSIX);
	EXPECT(cck_model_by_name("nope") < 0);
	EXPECT(cck_region_of(0) == CCK_ZERO);
	EXPECT(cck_region_of(3) == CCK_POS);
	EXPECT(cck_region_of(-ECANCELED) == CCK_ECANCELED);
	EXPECT(cck_region_of(-ETIMEDOUT) == CCK_ETIMEDOUT);
	EXPECT(cck_region_of(-1) == CCK_NEG_OTHER);
}

int main(void)
{
	test_keys();
	test_model();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	else
		printf("core_test: all passed\n");
	return failures ? 1 : 0;
}
