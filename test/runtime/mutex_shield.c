// RUN: env CCO_BACKEND=epoll %cco_bin/mutex_shield
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/mutex_shield %}
/* A shielded lock waiter is not ended by cancellation: it keeps its place,
 * gets the lock, and sees the cancellation at its first suspending call
 * after the shield. Its deadline still applies. */
#include "rt_sync.h"

static int64_t body(void *arg)
{
	cco_mutex *m = cco_mutex_new();
	struct rt_op w = { .m = m, .shield = 1, .unlock = 1 };
	struct rt_op t = { .m = m, .shield = 1, .ms = 10 };
	cco_scope *s = rt_scope();
	cco_co *co;

	EXPECT(m != NULL);
	EXPECT_EQ(cco_mutex_lock(m, -1), 0);
	co = rt_go(s, rt_locker, &w);
	rt_settle();
	cco_cancel(co);
	rt_settle();
	EXPECT(!w.done);
	cco_mutex_unlock(m);
	rt_settle();
	EXPECT_EQ(w.rc, 0);
	EXPECT(w.cancelled);
	EXPECT_EQ(w.after, -ECANCELED);
	EXPECT_EQ(cco_mutex_trylock(m), 0);

	/* shielded and cancelled, but the deadline passes */
	co = rt_go(s, rt_locker, &t);
	cco_cancel(co);
	rt_until(&t.done);
	EXPECT_EQ(t.rc, -ETIMEDOUT);
	cco_mutex_unlock(m);
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
