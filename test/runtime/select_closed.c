// RUN: env CCO_BACKEND=epoll %cco_bin/select_closed
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/select_closed %}
/* Closed channels in a select: a send completes at once with .res -EPIPE,
 * a receive gets what is buffered and then -EPIPE, and closing a channel
 * a select waits on completes that operation with -EPIPE. */
#include "rt_sync.h"

static void closed_now(void)
{
	cco_chan *open = cco_chan_open(sizeof(int), 1, NULL);
	cco_chan *shut = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_sel x = { 0 };
	int v = 1;

	EXPECT_EQ(cco_chan_try_send(shut, &v), 0);
	cco_chan_close(shut);
	rt_sel_add(&x, open, CCO_SEL_RECV, -1);
	rt_sel_add(&x, shut, CCO_SEL_SEND, 2);
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);
	EXPECT_EQ(x.ops[1].res, -EPIPE);

	x = (struct rt_sel){ 0 };
	rt_sel_add(&x, open, CCO_SEL_RECV, -1);
	rt_sel_add(&x, shut, CCO_SEL_RECV, -1);
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);	/* buffered first */
	EXPECT_EQ(x.ops[1].res, 0);
	EXPECT_EQ(x.val[1], 1);
	x.ops[1].res = 12345;
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);	/* then closed */
	EXPECT_EQ(x.ops[1].res, -EPIPE);
	cco_chan_free(open);
	cco_chan_free(shut);
}

static void closed_while_waiting(void)
{
	cco_chan *a = cco_chan_open(sizeof(int), 1, NULL);
	cco_chan *b = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_sel x = { 0 }, y = { 0 };
	cco_scope *s = rt_scope();
	int v = 1;

	/* y waits to send on the full a and to receive on the empty b */
	EXPECT_EQ(cco_chan_try_send(a, &v), 0);
	rt_sel_add(&x, b, CCO_SEL_RECV, -1);
	rt_sel_add(&y, b, CCO_SEL_RECV, -1);
	rt_sel_add(&y, a, CCO_SEL_SEND, 9);
	rt_go(s, rt_selector, &x);
	rt_go(s, rt_selector, &y);
	rt_settle();
	EXPECT(!x.done && !y.done);
	cco_chan_close(a);
	rt_settle();
	EXPECT(y.done && !x.done);
	EXPECT_EQ(y.rc, 1);
	EXPECT_EQ(y.ops[1].res, -EPIPE);
	EXPECT_EQ(cco_chan_recv(a, &v, -1), 0);
	EXPECT_EQ(v, 1);
	EXPECT_EQ(cco_chan_recv(a, &v, -1), -EPIPE);	/* 9 never got in */
	cco_chan_close(b);
	rt_settle();
	EXPECT_EQ(x.rc, 0);
	EXPECT_EQ(x.ops[0].res, -EPIPE);
	EXPECT_EQ(x.val[0], -1);
	rt_close(s);
	cco_chan_free(a);
	cco_chan_free(b);
}

static int64_t body(void *arg)
{
	closed_now();
	closed_while_waiting();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
