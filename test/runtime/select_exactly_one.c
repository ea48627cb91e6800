// RUN: env CCO_BACKEND=epoll %cco_bin/select_exactly_one
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/select_exactly_one %}
/* A waiting select completes exactly one operation even when several
 * become possible before it runs again: the first wins, the others are
 * left to whoever comes next (their elements stay, their senders wait). */
#include "rt_sync.h"

static void three_sends_one_taken(void)
{
	cco_chan *c[3];
	struct rt_sel x = { 0 };
	cco_scope *s = rt_scope();
	int v;

	for (int i = 0; i < 3; i++) {
		c[i] = cco_chan_open(sizeof(int), 1, NULL);
		rt_sel_add(&x, c[i], CCO_SEL_RECV, -1);
	}
	rt_go(s, rt_selector, &x);
	rt_settle();
	for (int i = 0; i < 3; i++) {		/* all before the select runs */
		v = 10 + i;
		EXPECT_EQ(cco_chan_try_send(c[i], &v), 0);
	}
	rt_settle();
	EXPECT_EQ(x.rc, 0);
	EXPECT_EQ(x.val[0], 10);
	EXPECT_EQ(x.val[1], -1);
	EXPECT_EQ(x.val[2], -1);
	EXPECT_EQ(x.ops[1].res, 12345);	/* not touched */
	for (int i = 1; i < 3; i++) {
		EXPECT_EQ(cco_chan_try_recv(c[i], &v), 0);
		EXPECT_EQ(v, 10 + i);
	}
	rt_close(s);
	for (int i = 0; i < 3; i++)
		cco_chan_free(c[i]);
}

/* The same channel twice: one element, one completion. */
static void same_channel_twice(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_sel x = { 0 };
	cco_scope *s = rt_scope();
	int v;

	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	rt_go(s, rt_selector, &x);
	rt_settle();
	for (v = 1; v <= 2; v++)
		EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	rt_settle();
	EXPECT_EQ(x.rc, 0);
	EXPECT_EQ(x.val[0], 1);
	EXPECT_EQ(x.val[1], -1);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	EXPECT_EQ(v, 2);
	rt_close(s);
	cco_chan_free(c);
}

/* Two rendezvous receivers arrive for a select that waits to send on
 * both: one gets the element, the other keeps waiting. */
static void two_receivers_one_send(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 0, NULL);
	cco_chan *d = cco_chan_open(sizeof(int), 0, NULL);
	struct rt_op r1 = { .c = d, .val = -1 }, r2 = { .c = c, .val = -1 };
	struct rt_sel x = { 0 };
	cco_scope *s = rt_scope();
	int v = 0;

	rt_sel_add(&x, c, CCO_SEL_SEND, 1);
	rt_sel_add(&x, d, CCO_SEL_SEND, 2);
	rt_go(s, rt_selector, &x);
	rt_settle();
	rt_go(s, rt_receiver, &r1);
	rt_go(s, rt_receiver, &r2);
	rt_settle();
	EXPECT_EQ(x.rc, 1);			/* r1 came first, on d */
	EXPECT_EQ(r1.rc, 0);
	EXPECT_EQ(r1.val, 2);
	EXPECT(!r2.done);			/* nothing for it from the select */
	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	rt_settle();
	EXPECT_EQ(r2.val, 0);
	rt_close(s);
	cco_chan_free(c);
	cco_chan_free(d);
}

/* Many rounds of selects against several senders: every element is
 * received once, none is lost with a waiter a select left behind. */
#define ROUNDS 300
struct feeder {
	cco_chan *c;
	int base;
};

static int64_t feed(void *arg)
{
	struct feeder *f = arg;

	for (int i = 0; i < ROUNDS; i++) {
		int v = f->base + i;

		EXPECT_EQ(cco_chan_send(f->c, &v, -1), 0);
	}
	return 0;
}

static void rounds(void)
{
	static unsigned char seen[3 * ROUNDS];
	cco_chan *c[3];
	struct feeder f[3];
	cco_scope *s = rt_scope();

	for (int i = 0; i < 3; i++) {
		c[i] = cco_chan_open(sizeof(int), (size_t)i, NULL);	/* 0, 1, 2 */
		f[i] = (struct feeder){ .c = c[i], .base = i * ROUNDS };
		rt_go(s, feed, &f[i]);
	}
	for (int n = 0; n < 3 * ROUNDS; n++) {
		int v[3] = { -1, -1, -1 };
		struct cco_sel ops[3];
		int got;

		for (int i = 0; i < 3; i++)
			ops[i] = (struct cco_sel){ .chan = c[(n + i) % 3], .op = CCO_SEL_RECV,
						   .elem = &v[i] };
		got = cco_select(ops, 3, -1);
		EXPECT(got >= 0 && got < 3);
		EXPECT_EQ(ops[got].res, 0);
		for (int i = 0; i < 3; i++)
			EXPECT(i == got || v[i] == -1);
		EXPECT(v[got] >= 0 && v[got] < 3 * ROUNDS);
		EXPECT_EQ(seen[v[got]], 0);
		seen[v[got]] = 1;
	}
	rt_close(s);
	for (int i = 0; i < 3; i++) {
		int v;

		EXPECT_EQ(cco_chan_try_recv(c[i], &v), -EAGAIN);
		cco_chan_free(c[i]);
	}
}

static int64_t body(void *arg)
{
	three_sends_one_taken();
	same_channel_twice();
	two_receivers_one_send();
	rounds();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
