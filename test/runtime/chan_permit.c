// RUN: env CCO_BACKEND=epoll %cco_bin/chan_permit
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_permit %}
/* reserve + permit_send: a permit holds a slot (others see the channel
 * full), permit_send and permit_release clear the permit, a reserver waits
 * its turn in the same queue as the senders, and the exit guard releases a
 * permit left unused. */
#include "rt_sync.h"

static void slots_are_held(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	cco_permit a, b;
	int v = 1;

	EXPECT_EQ(cco_chan_reserve(c, &a, -1), 0);
	EXPECT(a.chan == c);
	EXPECT_EQ(cco_chan_reserve(c, &b, -1), 0);
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);	/* both slots promised */
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* yet nothing inside */
	v = 10;
	cco_permit_send(&a, &v);
	EXPECT(a.chan == NULL);
	cco_permit_release(&b);
	EXPECT(b.chan == NULL);
	cco_permit_release(&b);			/* released: no effect */
	v = 11;
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);	/* b's slot is back */
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 10);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 11);
	cco_chan_free(c);
}

static void reserver_waits_for_a_slot(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op res = { .c = c };
	cco_scope *s = rt_scope();
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	rt_go(s, rt_reserver, &res);
	rt_settle();
	EXPECT(!res.done);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	rt_settle();
	EXPECT(res.done);
	EXPECT_EQ(res.rc, 0);
	EXPECT(res.p.chan == c);
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);	/* the slot is the permit's */
	v = 2;
	cco_permit_send(&res.p, &v);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 2);
	rt_close(s);
	cco_chan_free(c);
}

/* One queue: a sender that waited first gets the first free slot. */
static void senders_and_reservers_in_order(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op snd = { .c = c, .val = 10 }, res = { .c = c };
	cco_scope *s = rt_scope();
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	rt_go(s, rt_sender, &snd);
	rt_settle();
	rt_go(s, rt_reserver, &res);
	rt_settle();
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);	/* frees one slot */
	rt_settle();
	EXPECT(snd.done && snd.rc == 0);
	EXPECT(!res.done);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 10);
	rt_settle();
	EXPECT(res.done && res.rc == 0);
	v = 20;
	cco_permit_send(&res.p, &v);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 20);
	rt_close(s);
	cco_chan_free(c);
}

static void permit_feeds_waiting_receiver(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op rcv = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	cco_permit p;
	int v = 3;

	EXPECT_EQ(cco_chan_reserve(c, &p, -1), 0);
	rt_go(s, rt_receiver, &rcv);
	rt_settle();
	EXPECT(!rcv.done);
	cco_permit_send(&p, &v);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* went to the receiver */
	v = 4;
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);	/* and the slot is free */
	rt_settle();
	EXPECT(rcv.done);
	EXPECT_EQ(rcv.rc, 0);
	EXPECT_EQ(rcv.val, 3);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	EXPECT_EQ(v, 4);
	rt_close(s);
	cco_chan_free(c);
}

/* The guard releases a permit that a path leaves without sending. */
static int reserve_and_leave(cco_chan *c, int send)
{
	cco_permit p CCO_PERMIT_ON_EXIT = { 0 };
	int v = 8;
	int rc = cco_chan_reserve(c, &p, -1);

	if (rc)
		return rc;
	if (!send)
		return -EINTR;
	cco_permit_send(&p, &v);
	return 0;
}

static void exit_guard(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	int v = 0;

	for (int i = 0; i < 5; i++)
		EXPECT_EQ(reserve_and_leave(c, 0), -EINTR);
	EXPECT_EQ(reserve_and_leave(c, 1), 0);
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);	/* one slot left, not zero */
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 8);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	slots_are_held();
	reserver_waits_for_a_slot();
	senders_and_reservers_in_order();
	permit_feeds_waiting_receiver();
	exit_guard();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
