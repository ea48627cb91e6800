// RUN: env CCO_BACKEND=epoll %cco_bin/mutex_deadline
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/mutex_deadline %}
/* A lock waiter whose deadline passes returns -ETIMEDOUT (not before) and
 * leaves the queue; a passed deadline fails even on a free mutex. */
#include "rt_sync.h"

static int64_t body(void *arg)
{
	cco_mutex *m = cco_mutex_new();
	struct rt_op a = { .m = m, .ms = 10, .val = 1 }, b = { .m = m, .val = 2 };
	int log[2], n = 0;
	cco_scope *s = rt_scope();
	int64_t t0;

	EXPECT(m != NULL);
	EXPECT_EQ(cco_mutex_lock(m, cco_now() - 1), -ETIMEDOUT);
	EXPECT_EQ(cco_mutex_trylock(m), 0);	/* it stayed free */
	t0 = cco_now();
	EXPECT_EQ(cco_mutex_lock(m, t0 + 20 * CCO_MSEC), -ETIMEDOUT);
	EXPECT(cco_now() >= t0 + 20 * CCO_MSEC);

	a.log = b.log = log;
	a.nlog = b.nlog = &n;
	a.unlock = b.unlock = 1;
	rt_go(s, rt_locker, &a);
	rt_settle();
	rt_go(s, rt_locker, &b);
	rt_settle();
	rt_until(&a.done);
	EXPECT(a.done);
	EXPECT_EQ(a.rc, -ETIMEDOUT);
	EXPECT(!b.done);
	cco_mutex_unlock(m);
	rt_settle();
	EXPECT_EQ(b.rc, 0);
	EXPECT_EQ(n, 1);
	EXPECT_EQ(log[0], 2);
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
