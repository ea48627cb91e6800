// RUN: env CCO_BACKEND=epoll %cco_bin/chan_rendezvous
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_rendezvous %}
/* Capacity 0: a send completes only when a receiver takes the element,
 * waiting senders are served in order, a waiting receiver gets the element
 * copied straight in, and a permit cannot be had (-EINVAL). */
#include "rt_sync.h"

static void send_waits_for_receiver(cco_chan *c)
{
	struct rt_op snd = { .c = c, .val = 42 };
	cco_scope *s = rt_scope();
	int v = 0;

	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);	/* nobody receives */
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* nobody sends */
	rt_go(s, rt_sender, &snd);
	rt_settle();
	EXPECT(!snd.done);			/* no receiver yet: still waiting */
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 42);
	rt_settle();
	EXPECT(snd.done);
	EXPECT_EQ(snd.rc, 0);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* taken once only */
	rt_close(s);
}

static void receiver_waits_for_sender(cco_chan *c)
{
	struct rt_op rcv = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	int v = 7;

	rt_go(s, rt_receiver, &rcv);
	rt_settle();
	EXPECT(!rcv.done);
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);	/* a receiver waits: completes */
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);	/* and it was the only one */
	rt_settle();
	EXPECT(rcv.done);
	EXPECT_EQ(rcv.rc, 0);
	EXPECT_EQ(rcv.val, 7);
	rt_close(s);
}

static void senders_in_order(cco_chan *c)
{
	struct rt_op snd[3];
	cco_scope *s = rt_scope();
	int v;

	for (int i = 0; i < 3; i++) {
		snd[i] = (struct rt_op){ .c = c, .val = 100 + i };
		rt_go(s, rt_sender, &snd[i]);
		rt_settle();		/* parked in this order */
	}
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
		EXPECT_EQ(v, 100 + i);
	}
	rt_settle();
	for (int i = 0; i < 3; i++)
		EXPECT(snd[i].done && snd[i].rc == 0);
	rt_close(s);
}

static void no_permit(cco_chan *c)
{
	cco_permit p = { .chan = c };

	EXPECT_EQ(cco_chan_reserve(c, &p, -1), -EINVAL);
	EXPECT(p.chan == NULL);
}

static void send_times_out_without_receiver(cco_chan *c)
{
	int v = 9;

	EXPECT_EQ(cco_chan_send(c, &v, rt_ms(10)), -ETIMEDOUT);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* nothing left behind */
}

static int64_t body(void *arg)
{
	cco_chan *c = cco_chan_open(sizeof(int), 0, NULL);

	EXPECT(c != NULL);
	send_waits_for_receiver(c);
	receiver_waits_for_sender(c);
	senders_in_order(c);
	no_permit(c);
	send_times_out_without_receiver(c);
	cco_chan_free(c);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
