// RUN: env CCO_BACKEND=epoll %cco_bin/select_timeout
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/select_timeout %}
/* A select whose deadline passes returns -ETIMEDOUT with no operation
 * done and leaves no waiter behind; a passed deadline fails it even when
 * an operation is ready; with no operations only the deadline ends it. */
#include "rt_sync.h"

static int64_t body(void *arg)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	cco_chan *r = cco_chan_open(sizeof(int), 0, NULL);
	struct rt_sel x = { 0 };
	int v = 1;
	int64_t t0 = cco_now();

	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	rt_sel_add(&x, r, CCO_SEL_RECV, -1);
	rt_sel_add(&x, r, CCO_SEL_SEND, 5);
	EXPECT_EQ(cco_select(x.ops, x.n, t0 + 20 * CCO_MSEC), -ETIMEDOUT);
	EXPECT(cco_now() >= t0 + 20 * CCO_MSEC);
	EXPECT_EQ(x.val[0], -1);
	EXPECT_EQ(x.val[1], -1);
	/* its waiters are gone: the rendezvous has no receiver or sender */
	EXPECT_EQ(cco_chan_try_send(r, &v), -EAGAIN);
	EXPECT_EQ(cco_chan_try_recv(r, &v), -EAGAIN);
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);	/* buffered, not taken */

	/* ready, but the deadline has passed */
	EXPECT_EQ(cco_select(x.ops, x.n, cco_now() - 1), -ETIMEDOUT);
	EXPECT_EQ(x.val[0], -1);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);

	/* nothing to wait for but the deadline */
	t0 = cco_now();
	EXPECT_EQ(cco_select(NULL, 0, t0 + 10 * CCO_MSEC), -ETIMEDOUT);
	EXPECT(cco_now() >= t0 + 10 * CCO_MSEC);

	/* a timed-out select in a worker, then the element goes elsewhere */
	struct rt_sel y = { .ms = 10 };
	struct rt_op late = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();

	rt_sel_add(&y, c, CCO_SEL_RECV, -1);
	rt_go(s, rt_selector, &y);
	rt_settle();
	rt_go(s, rt_receiver, &late);
	rt_until(&y.done);
	EXPECT_EQ(y.rc, -ETIMEDOUT);
	v = 8;
	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	rt_settle();
	EXPECT_EQ(late.val, 8);
	EXPECT_EQ(y.val[0], -1);
	rt_close(s);
	cco_chan_free(c);
	cco_chan_free(r);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
