// RUN: env CCO_BACKEND=epoll %cco_bin/mutex_cancel
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/mutex_cancel %}
/* A lock waiter cancelled while it waits returns -ECANCELED without the
 * lock and loses its place: the unlock goes to the next waiter, also when
 * it happens before the cancelled waiter has run, and the lock is never
 * left held by nobody. An already cancelled coroutine gets -ECANCELED even
 * for a free mutex, which stays free. */
#include "rt_sync.h"

static void waiter_loses_place(cco_mutex *m, int settle_first)
{
	struct rt_op w[3];
	int log[3], n = 0;
	cco_scope *s = rt_scope();
	cco_co *co[3];

	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	for (int i = 0; i < 3; i++) {
		w[i] = (struct rt_op){ .m = m, .val = i, .unlock = 1, .log = log, .nlog = &n };
		co[i] = rt_go(s, rt_locker, &w[i]);
		rt_settle();
	}
	cco_cancel(co[1]);
	if (settle_first) {
		rt_settle();
		EXPECT_EQ(w[1].rc, -ECANCELED);
	}
	cco_mutex_unlock(m);
	rt_settle();
	EXPECT_EQ(w[0].rc, 0);
	EXPECT_EQ(w[1].rc, -ECANCELED);
	EXPECT_EQ(w[1].after, -ECANCELED);
	EXPECT_EQ(w[2].rc, 0);
	EXPECT_EQ(n, 2);
	EXPECT_EQ(log[0], 0);
	EXPECT_EQ(log[1], 2);
	EXPECT_EQ(cco_mutex_trylock(m), 0);	/* free again */
	cco_mutex_unlock(m);
	rt_close(s);
}

/* The only waiter is cancelled and the unlock comes before it runs: the
 * lock must end up free, not handed to the departed waiter. */
static void only_waiter_gone(cco_mutex *m)
{
	struct rt_op w = { .m = m, .unlock = 1 };
	cco_scope *s = rt_scope();
	cco_co *co;

	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	co = rt_go(s, rt_locker, &w);
	rt_settle();
	cco_cancel(co);
	cco_mutex_unlock(m);
	EXPECT_EQ(cco_mutex_trylock(m), 0);
	rt_settle();
	EXPECT_EQ(w.rc, -ECANCELED);
	cco_mutex_unlock(m);
	rt_close(s);
}

static void scope_of_waiters(cco_mutex *m)
{
	struct rt_op w[4];
	cco_scope *s = rt_scope();

	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	for (int i = 0; i < 4; i++) {
		w[i] = (struct rt_op){ .m = m, .unlock = 1 };
		rt_go(s, rt_locker, &w[i]);
	}
	rt_settle();
	cco_scope_cancel(s);
	rt_settle();
	for (int i = 0; i < 4; i++)
		EXPECT_EQ(w[i].rc, -ECANCELED);
	cco_mutex_unlock(m);
	EXPECT_EQ(cco_mutex_trylock(m), 0);
	cco_mutex_unlock(m);
	rt_close(s);
}

static void already_cancelled(cco_mutex *m)
{
	struct rt_op w = { .m = m };		/* would keep the lock */
	cco_scope *s = rt_scope();

	cco_scope_cancel(s);
	rt_go(s, rt_locker, &w);
	rt_settle();
	EXPECT_EQ(w.rc, -ECANCELED);
	EXPECT_EQ(cco_mutex_trylock(m), 0);	/* it never took it */
	cco_mutex_unlock(m);
	rt_close(s);
}

static int64_t body(void *arg)
{
	cco_mutex *m = cco_mutex_new();

	EXPECT(m != NULL);
	waiter_loses_place(m, 1);
	waiter_loses_place(m, 0);
	only_waiter_gone(m);
	scope_of_waiters(m);
	already_cancelled(m);
	cco_mutex_free(m);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
