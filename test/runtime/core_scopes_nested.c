// Structured concurrency: cancelling a scope reaches the scopes its
// coroutines opened, to any depth; a scope opened inside a shield is not
// reached; a coroutine that returns with a scope open has it cancelled and
// closed before it finishes; a coroutine spawned into a cancelled scope
// starts cancelled.
// RUN: env CCO_BACKEND=epoll %cco_bin/core_scopes_nested
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/core_scopes_nested %}
#include "rt_test.h"

static int cancelled_leaves, finished_leaves, shielded_ok;

static int64_t leaf(void *arg)
{
	int rc = cco_sleep(-1);
	EXPECT_EQ(rc, -ECANCELED);
	cancelled_leaves++;
	return rc;
}

/* depth levels of scopes, two leaves at each level */
static int64_t level(void *arg)
{
	int depth = (int)(intptr_t)arg;
	cco_scope *s = cco_scope_open();
	EXPECT(s);
	EXPECT_EQ(cco_spawn(s, leaf, NULL, NULL), 0);
	EXPECT_EQ(cco_spawn(s, leaf, NULL, NULL), 0);
	if (depth > 1)
		EXPECT_EQ(cco_spawn(s, level, (void *)(intptr_t)(depth - 1), NULL), 0);
	int rc = cco_scope_close(s, -1);
	/* 0 when its coroutines had all ended by the time it looked */
	EXPECT(rc == -ECANCELED || rc == 0);
	EXPECT(cco_cancelled());
	finished_leaves++;
	return rc;
}

static int64_t quick(void *arg)
{
	EXPECT_EQ(cco_sleep(cco_now() + 5 * CCO_MSEC), 0);
	shielded_ok++;
	return 0;
}

/* Cleanup work in a scope opened inside a shield survives the owner's
 * cancellation. */
static int64_t cleaner(void *arg)
{
	EXPECT_EQ(cco_sleep(-1), -ECANCELED);
	cco_shield_begin();
	cco_scope *s = cco_scope_open();
	EXPECT_EQ(cco_spawn(s, quick, NULL, NULL), 0);
	EXPECT_EQ(cco_scope_close(s, -1), 0);
	cco_shield_end();
	return 0;
}

static int abandoned_cancelled;

static int64_t abandoned(void *arg)
{
	if (cco_sleep(-1) == -ECANCELED)
		abandoned_cancelled++;
	return 0;
}

/* returns with its scope still open */
static int64_t careless(void *arg)
{
	cco_scope *s = cco_scope_open();
	EXPECT_EQ(cco_spawn(s, abandoned, NULL, NULL), 0);
	EXPECT_EQ(cco_spawn(s, abandoned, NULL, NULL), 0);
	EXPECT_EQ(cco_yield(), 0);
	return 5;
}

static int64_t born_cancelled(void *arg)
{
	EXPECT(cco_cancelled());
	EXPECT_EQ(cco_yield(), -ECANCELED);
	return -ECANCELED;
}

static int64_t main_co(void *arg)
{
	cco_scope *top = cco_scope_open();
	enum { DEPTH = 6 };
	EXPECT_EQ(cco_spawn(top, level, (void *)(intptr_t)DEPTH, NULL), 0);
	EXPECT_EQ(cco_spawn(top, cleaner, NULL, NULL), 0);
	EXPECT_EQ(cco_sleep(cco_now() + 2 * CCO_MSEC), 0);
	cco_scope_cancel(top);
	cco_co *late;
	EXPECT_EQ(cco_spawn(top, born_cancelled, NULL, &late), 0);
	struct cco_exit e;
	EXPECT_EQ(cco_join(late, &e, -1), 0);
	EXPECT_EQ(e.how, CCO_CANCELLED);
	EXPECT_EQ(cco_scope_close(top, -1), 0);
	EXPECT_EQ(cancelled_leaves, 2 * DEPTH);
	EXPECT_EQ(finished_leaves, DEPTH);
	EXPECT_EQ(shielded_ok, 1);

	cco_scope *s = cco_scope_open();
	cco_co *c;
	EXPECT_EQ(cco_spawn(s, careless, NULL, &c), 0);
	EXPECT_EQ(cco_join(c, &e, -1), 0);
	EXPECT_EQ(e.value, 5);
	/* by the time it finished, its scope's coroutines had been cancelled */
	EXPECT_EQ(abandoned_cancelled, 2);
	EXPECT_EQ(cco_scope_close(s, -1), 0);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	return 0;
}
