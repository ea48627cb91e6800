// RUN: env CCO_BACKEND=epoll %cco_bin/mutex_basic
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/mutex_basic %}
/* The async mutex: trylock, FIFO waiters, unlock hands the lock to the
 * next waiter before anyone else can take it, mutual exclusion across
 * suspensions, and the unlock-on-exit guard. */
#include "rt_sync.h"

static void trylock(cco_mutex *m)
{
	EXPECT_EQ(cco_mutex_trylock(m), 0);
	EXPECT_EQ(cco_mutex_trylock(m), -EBUSY);
	EXPECT_EQ(cco_mutex_lock(m, rt_ms(5)), -ETIMEDOUT);
	cco_mutex_unlock(m);
	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	cco_mutex_unlock(m);
}

static void fifo(cco_mutex *m)
{
	struct rt_op w[4];
	int log[4], n = 0;
	cco_scope *s = rt_scope();

	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	for (int i = 0; i < 4; i++) {
		w[i] = (struct rt_op){ .m = m, .val = i, .unlock = 1, .log = log, .nlog = &n };
		rt_go(s, rt_locker, &w[i]);
		rt_settle();			/* queued in this order */
	}
	EXPECT_EQ(n, 0);
	cco_mutex_unlock(m);
	rt_settle();
	EXPECT_EQ(n, 4);
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(log[i], i);
	EXPECT_EQ(cco_mutex_trylock(m), 0);	/* the last one unlocked it */
	cco_mutex_unlock(m);
	rt_close(s);
}

/* Unlock gives the lock to the waiter before it runs: no barging. */
static void no_barging(cco_mutex *m)
{
	struct rt_op w = { .m = m, .unlock = 1 };
	cco_scope *s = rt_scope();

	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	rt_go(s, rt_locker, &w);
	rt_settle();
	cco_mutex_unlock(m);
	EXPECT(!w.done);
	EXPECT_EQ(cco_mutex_trylock(m), -EBUSY);	/* already w's */
	EXPECT_EQ(cco_mutex_lock(m, -1), 0);	/* after w */
	EXPECT(w.done);
	EXPECT_EQ(w.rc, 0);
	cco_mutex_unlock(m);
	rt_close(s);
}

struct counter {
	cco_mutex *m;
	int value;
	int inside;
};

static int64_t add(void *arg)
{
	struct counter *k = arg;

	for (int i = 0; i < 20; i++) {
		int v;

		EXPECT_EQ(cco_mutex_lock(k->m, -1), 0);
		v = k->value;
		EXPECT_EQ(k->inside++, 0);
		EXPECT_EQ(cco_yield(), 0);	/* others run meanwhile */
		k->value = v + 1;
		k->inside--;
		cco_mutex_unlock(k->m);
	}
	return 0;
}

static void exclusion(cco_mutex *m)
{
	struct counter k = { .m = m };
	cco_scope *s = rt_scope();

	for (int i = 0; i < 5; i++)
		rt_go(s, add, &k);
	rt_close(s);
	EXPECT_EQ(k.value, 100);
}

/* Every return after the lock unlocks; clearing the guard keeps it. */
static int leave_early(cco_mutex *m, int how)
{
	int rc = cco_mutex_lock(m, -1);

	if (rc < 0)
		return rc;
	cco_mutex *held CCO_UNLOCK_ON_EXIT = m;
	EXPECT_EQ(cco_mutex_trylock(m), -EBUSY);
	if (how == 0)
		return 1;
	EXPECT_EQ(cco_mutex_lock(m, rt_ms(5)), -ETIMEDOUT);	/* held */
	if (how == 1)
		return 2;
	held = NULL;				/* the caller unlocks */
	return 3;
}

static void guards(cco_mutex *m)
{
	EXPECT_EQ(leave_early(m, 0), 1);
	EXPECT_EQ(cco_mutex_trylock(m), 0);
	cco_mutex_unlock(m);
	EXPECT_EQ(leave_early(m, 1), 2);
	EXPECT_EQ(cco_mutex_trylock(m), 0);
	cco_mutex_unlock(m);
	EXPECT_EQ(leave_early(m, 2), 3);
	EXPECT_EQ(cco_mutex_trylock(m), -EBUSY);
	cco_mutex_unlock(m);
	EXPECT_EQ(cco_mutex_trylock(m), 0);
	cco_mutex_unlock(m);
}

static int64_t body(void *arg)
{
	cco_mutex *m = cco_mutex_new();

	EXPECT(m != NULL);
	trylock(m);
	fifo(m);
	no_barging(m);
	exclusion(m);
	guards(m);
	cco_mutex_free(m);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
