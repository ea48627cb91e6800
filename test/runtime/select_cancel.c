// RUN: env CCO_BACKEND=epoll %cco_bin/select_cancel
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/select_cancel %}
/* A select cancelled while it waits returns -ECANCELED with no operation
 * done and no waiter left (the next receiver gets the element, also when
 * it arrives before the cancelled select runs); an already cancelled
 * select fails even with an operation ready; a select handed an element
 * before its cancellation returns it; a shield defers the cancellation. */
#include "rt_sync.h"

static void cancelled_while_waiting(int settle_first)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	cco_chan *r = cco_chan_open(sizeof(int), 0, NULL);
	struct rt_sel x = { 0 };
	struct rt_op next = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	cco_co *co;
	int v = 3;

	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	rt_sel_add(&x, r, CCO_SEL_SEND, 4);
	co = rt_go(s, rt_selector, &x);
	rt_settle();
	rt_go(s, rt_receiver, &next);
	rt_settle();
	cco_cancel(co);
	if (settle_first)
		rt_settle();
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	EXPECT_EQ(cco_chan_try_recv(r, &v), -EAGAIN);	/* its send is gone */
	rt_settle();
	EXPECT_EQ(x.rc, -ECANCELED);
	EXPECT_EQ(x.val[0], -1);
	EXPECT_EQ(x.ops[0].res, 12345);
	EXPECT_EQ(x.after, -ECANCELED);
	EXPECT_EQ(next.rc, 0);
	EXPECT_EQ(next.val, 3);
	rt_close(s);
	cco_chan_free(c);
	cco_chan_free(r);
}

static void already_cancelled(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_sel x = { 0 };
	cco_scope *s = rt_scope();
	int v = 6;

	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	cco_scope_cancel(s);
	rt_go(s, rt_selector, &x);
	rt_settle();
	EXPECT_EQ(x.rc, -ECANCELED);
	EXPECT_EQ(x.val[0], -1);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);	/* still there */
	EXPECT_EQ(v, 6);
	rt_close(s);
	cco_chan_free(c);
}

static void handed_then_cancelled(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 0, NULL);
	cco_chan *d = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_sel x = { 0 };
	cco_scope *s = rt_scope();
	cco_co *co;
	int v = 11;

	rt_sel_add(&x, d, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	co = rt_go(s, rt_selector, &x);
	rt_settle();
	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);	/* taken by the select */
	cco_cancel(co);
	rt_settle();
	EXPECT_EQ(x.rc, 1);
	EXPECT_EQ(x.ops[1].res, 0);
	EXPECT_EQ(x.val[1], 11);
	EXPECT(x.cancelled);
	EXPECT_EQ(x.after, -ECANCELED);
	rt_close(s);
	cco_chan_free(c);
	cco_chan_free(d);
}

static void shielded(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_sel x = { .shield = 1 };
	cco_scope *s = rt_scope();
	int v = 12;

	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	rt_go(s, rt_selector, &x);
	rt_settle();
	cco_scope_cancel(s);
	rt_settle();
	EXPECT(!x.done);
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	rt_settle();
	EXPECT_EQ(x.rc, 0);
	EXPECT_EQ(x.val[0], 12);
	EXPECT_EQ(x.after, -ECANCELED);
	rt_close(s);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	cancelled_while_waiting(1);
	cancelled_while_waiting(0);
	already_cancelled();
	handed_then_cancelled();
	shielded();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
