// RUN: env CCO_BACKEND=epoll %cco_bin/chan_handoff_cancel
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_handoff_cancel %}
/* The hand-off wins over a later cancellation: a waiter that was handed an
 * element, a slot or a permit and is cancelled before it runs again still
 * returns 0, and what it was given is not lost. */
#include "rt_sync.h"

static void receiver_keeps_element(size_t cap)
{
	cco_chan *c = cco_chan_open(sizeof(int), cap, NULL);
	struct rt_op r = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	cco_co *co = rt_go(s, rt_receiver, &r);
	int v = 7;

	rt_settle();
	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);	/* handed to r */
	cco_cancel(co);				/* before r runs */
	rt_settle();
	EXPECT_EQ(r.rc, 0);
	EXPECT_EQ(r.val, 7);
	EXPECT(r.cancelled);
	EXPECT_EQ(r.after, -ECANCELED);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* not also in the channel */
	rt_close(s);
	cco_chan_free(c);
}

static void sender_admitted(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op w = { .c = c, .val = 20 };
	cco_scope *s = rt_scope();
	cco_co *co;
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	co = rt_go(s, rt_sender, &w);
	rt_settle();
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);	/* admits w's element */
	cco_cancel(co);
	rt_settle();
	EXPECT_EQ(w.rc, 0);
	EXPECT(w.cancelled);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	EXPECT_EQ(v, 20);
	rt_close(s);
	cco_chan_free(c);
}

static void rendezvous_sender_taken(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 0, NULL);
	struct rt_op w = { .c = c, .val = 30 };
	cco_scope *s = rt_scope();
	cco_co *co = rt_go(s, rt_sender, &w);
	int v = 0;

	rt_settle();
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 30);
	cco_cancel(co);
	rt_settle();
	EXPECT_EQ(w.rc, 0);			/* it was received: it was sent */
	rt_close(s);
	cco_chan_free(c);
}

static void reserver_granted(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op w = { .c = c };
	cco_scope *s = rt_scope();
	cco_co *co;
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	co = rt_go(s, rt_reserver, &w);
	rt_settle();
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);	/* grants w the slot */
	cco_cancel(co);
	rt_settle();
	EXPECT_EQ(w.rc, 0);
	EXPECT(w.p.chan == c);
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);	/* the slot is w's */
	v = 40;
	cco_permit_send(&w.p, &v);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	EXPECT_EQ(v, 40);
	rt_close(s);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	receiver_keeps_element(0);
	receiver_keeps_element(3);
	sender_admitted();
	rendezvous_sender_taken();
	reserver_granted();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
