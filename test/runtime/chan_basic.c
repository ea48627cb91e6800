// RUN: env CCO_BACKEND=epoll %cco_bin/chan_basic
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_basic %}
/* A buffered channel: FIFO order across the ring's wrap-around, try_*
 * at full and empty, elements copied whole, a sender that waits while the
 * channel is full, a waiting receiver that gets an element directly, and
 * waiting receivers served in order. */
#include "rt_sync.h"

struct big {
	char bytes[100];
};

static void fifo_and_wrap(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 3, NULL);
	int v = 0;

	EXPECT(c != NULL);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	for (int i = 1; i <= 3; i++)
		EXPECT_EQ(cco_chan_send(c, &i, -1), 0);
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);
	/* take two, put two: the ring wraps; the order must not change */
	for (int round = 0; round < 10; round++) {
		for (int k = 0; k < 2; k++) {
			EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
			EXPECT_EQ(v, round * 2 + k + 1);
		}
		for (int k = 0; k < 2; k++) {
			int x = round * 2 + 4 + k;
			EXPECT_EQ(cco_chan_try_send(c, &x), 0);
		}
		EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);
	}
	for (int k = 0; k < 3; k++) {
		EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
		EXPECT_EQ(v, 21 + k);
	}
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	cco_chan_free(c);
}

static void whole_elements(void)
{
	cco_chan *c = cco_chan_open(sizeof(struct big), 2, NULL);
	struct big in, out;

	EXPECT(c != NULL);
	for (int i = 0; i < 100; i++)
		in.bytes[i] = (char)(i * 7 + 1);
	EXPECT_EQ(cco_chan_send(c, &in, -1), 0);
	memset(&in, 0, sizeof(in));		/* the channel has its own copy */
	memset(&out, 0, sizeof(out));
	EXPECT_EQ(cco_chan_recv(c, &out, -1), 0);
	for (int i = 0; i < 100; i++)
		EXPECT_EQ(out.bytes[i], (char)(i * 7 + 1));
	cco_chan_free(c);
}

struct producer {
	cco_chan *c;
	int n;
	int sent;
};

static int64_t produce(void *arg)
{
	struct producer *p = arg;

	for (int i = 1; i <= p->n; i++) {
		int rc = cco_chan_send(p->c, &i, -1);
		if (rc)
			return rc;
		p->sent = i;
	}
	return 0;
}

static void sender_waits_while_full(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 4, NULL);
	struct producer p = { .c = c, .n = 100 };
	cco_scope *s = rt_scope();
	cco_co *co = rt_go(s, produce, &p);
	int v;

	rt_settle();
	EXPECT_EQ(p.sent, 4);			/* parked in the fifth send */
	for (int i = 1; i <= 100; i++) {
		EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
		EXPECT_EQ(v, i);
		rt_settle();
		/* each receive lets exactly one more element in */
		EXPECT_EQ(p.sent, i + 4 < 100 ? i + 4 : 100);
	}
	EXPECT_EQ(rt_done(co), 0);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	rt_close(s);
	cco_chan_free(c);
}

static void waiting_receiver_gets_it_directly(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_op r = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	int v = 55;

	rt_go(s, rt_receiver, &r);
	rt_settle();
	EXPECT(!r.done);
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	/* handed over, not buffered: nothing for a second receiver */
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	rt_settle();
	EXPECT(r.done);
	EXPECT_EQ(r.rc, 0);
	EXPECT_EQ(r.val, 55);
	rt_close(s);
	cco_chan_free(c);
}

static void receivers_in_order(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_op r[3];
	cco_scope *s = rt_scope();

	for (int i = 0; i < 3; i++) {
		r[i] = (struct rt_op){ .c = c, .val = -1 };
		rt_go(s, rt_receiver, &r[i]);
		rt_settle();			/* queued in this order */
	}
	for (int v = 10; v < 13; v++)
		EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	rt_settle();
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(r[i].rc, 0);
		EXPECT_EQ(r[i].val, 10 + i);
	}
	rt_close(s);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	EXPECT(cco_chan_open(0, 4, NULL) == NULL);
	fifo_and_wrap();
	whole_elements();
	sender_waits_while_full();
	waiting_receiver_gets_it_directly();
	receivers_in_order();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
