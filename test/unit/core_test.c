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
	r = cck_model_role(0, "read");		/* model off: no cancellation point */
	EXPECT(r && !r->suspends && r->blocks);
	EXPECT(cck_model_role(0, "getpid") == NULL);
	r = cck_model_role(0, "aio_read");	/* lends its aiocb until reaped */
	EXPECT(r && r->lends_async == 1 && r->lend_ring == 0);
	r = cck_model_role(0, "aio_error");	/* reaps unless still in progress */
	EXPECT(r && r->reaps && r->reap_ring == 0 && !(r->reap_success & CCK_EINPROGRESS) &&
	       (r->reap_success & CCK_ZERO));
	EXPECT(cck_model_role(0, "io_uring_prep_read") == NULL);	/* liburing off */
	r = cck_model_role(CCK_MODEL_URING, "io_uring_prep_read");
	EXPECT(r && r->lends_fd == 1 && r->lends_async == 1u << 2);
	r = cck_model_role(CCK_MODEL_URING, "io_uring_wait_cqe");
	EXPECT(r && r->reaps && r->reap_success == CCK_ZERO);
	EXPECT(cck_model_role(CCK_MODEL_URING, "io_uring_prep_cancel") == NULL);
	EXPECT(cck_model_by_name("cco") == CCK_MODEL_CCO);
	r = cck_model_role(CCK_MODEL_CCO, "cco_spawn");
	EXPECT(r && r->coroutine_body == 1 && r->must_use);
	r = cck_model_role(CCK_MODEL_CCO, "cco_sleep");
	EXPECT(r && r->suspends == CCK_CANCEL_RETURNS && !r->must_use);
	EXPECT(cck_model_role(CCK_MODEL_POSIX, "printf") == NULL);
	EXPECT(cck_posix_uses_cancellation("pthread_cancel"));
	EXPECT(!cck_posix_uses_cancellation("pthread_create"));
	EXPECT(cck_model_by_name("posix") == CCK_MODEL_POSIX);
	EXPECT(cck_model_by_name("nope") < 0);
	EXPECT(cck_region_of(0) == CCK_ZERO);
	EXPECT(cck_region_of(3) == CCK_POS_OTHER);
	EXPECT(cck_region_of(EINPROGRESS) == CCK_EINPROGRESS);
	EXPECT((CCK_POS & CCK_EINPROGRESS) && (CCK_ANY & CCK_EINPROGRESS));
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
