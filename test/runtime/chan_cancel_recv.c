// RUN: env CCO_BACKEND=epoll %cco_bin/chan_cancel_recv
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_cancel_recv %}
/* A receiver cancelled while it waits returns -ECANCELED with nothing
 * taken (its buffer untouched) and the next receiver gets the element,
 * also when the element arrives before the cancelled receiver has run. */
#include "rt_sync.h"

static void cancelled_receiver_takes_nothing(size_t cap, int settle_first)
{
	cco_chan *c = cco_chan_open(sizeof(int), cap, NULL);
	struct rt_op a = { .c = c, .val = -1 }, b = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	cco_co *ca;
	int v = 5;

	ca = rt_go(s, rt_receiver, &a);
	rt_settle();
	rt_go(s, rt_receiver, &b);
	rt_settle();
	cco_cancel(ca);
	if (settle_first) {
		rt_settle();
		EXPECT(a.done);
		EXPECT_EQ(a.rc, -ECANCELED);
	}
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	rt_settle();
	EXPECT(a.done && b.done);
	EXPECT_EQ(a.rc, -ECANCELED);
	EXPECT_EQ(a.val, -1);
	EXPECT_EQ(a.after, -ECANCELED);
	EXPECT_EQ(b.rc, 0);
	EXPECT_EQ(b.val, 5);
	if (cap) {
		/* the next element stays buffered: no receiver is left */
		v = 6;
		EXPECT_EQ(cco_chan_try_send(c, &v), 0);
		EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
		EXPECT_EQ(v, 6);
	} else {
		EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);
	}
	rt_close(s);
	cco_chan_free(c);
}

static void scope_of_receivers(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_op rcv[3];
	cco_scope *s = rt_scope();
	int v = 0;

	for (int i = 0; i < 3; i++) {
		rcv[i] = (struct rt_op){ .c = c, .val = -1 };
		rt_go(s, rt_receiver, &rcv[i]);
	}
	rt_settle();
	cco_scope_cancel(s);
	for (int i = 1; i <= 2; i++)		/* before they have run */
		EXPECT_EQ(cco_chan_try_send(c, &i), 0);
	rt_settle();
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(rcv[i].rc, -ECANCELED);
		EXPECT_EQ(rcv[i].val, -1);
	}
	for (int i = 1; i <= 2; i++) {
		EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
		EXPECT_EQ(v, i);
	}
	rt_close(s);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	cancelled_receiver_takes_nothing(2, 1);
	cancelled_receiver_takes_nothing(2, 0);
	cancelled_receiver_takes_nothing(0, 1);
	cancelled_receiver_takes_nothing(0, 0);
	scope_of_receivers();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
