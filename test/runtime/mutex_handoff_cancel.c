// RUN: env CCO_BACKEND=epoll %cco_bin/mutex_handoff_cancel
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/mutex_handoff_cancel %}
/* The hand-off wins: a waiter given the lock by unlock and cancelled
 * before it runs returns 0 and holds the lock (nobody else gets it until
 * it unlocks), and only then sees its cancellation. */
#include "rt_sync.h"

static int64_t body(void *arg)
{
	cco_mutex *m = cco_mutex_new();
	struct rt_op w = { .m = m };		/* keeps the lock */
	struct rt_op next = { .m = m, .unlock = 1 };
	cco_scope *s = rt_scope();
	cco_co *co;

	EXPECT(m != NULL);
	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	co = rt_go(s, rt_locker, &w);
	rt_settle();
	rt_go(s, rt_locker, &next);
	rt_settle();
	cco_mutex_unlock(m);			/* to w */
	cco_cancel(co);
	rt_settle();
	EXPECT_EQ(w.rc, 0);
	EXPECT(w.cancelled);
	EXPECT_EQ(w.after, -ECANCELED);
	EXPECT(!next.done);			/* w holds it */
	EXPECT_EQ(cco_mutex_trylock(m), -EBUSY);
	cco_mutex_unlock(m);			/* on w's behalf: to next */
	rt_settle();
	EXPECT_EQ(next.rc, 0);
	EXPECT_EQ(cco_mutex_trylock(m), 0);
	cco_mutex_unlock(m);
	rt_close(s);
	cco_mutex_free(m);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
