// RUN: env CCO_BACKEND=epoll %cco_bin/select_basic
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/select_basic %}
/* cco_select: completes the first operation (in order) that can complete
 * now, or waits and completes the first one that becomes possible; sends
 * and receives, buffered and rendezvous channels, NULL channels skipped,
 * more operations than fit on the stack. */
#include "rt_sync.h"

static cco_chan *chan(size_t cap)
{
	cco_chan *c = cco_chan_open(sizeof(int), cap, NULL);

	EXPECT(c != NULL);
	return c;
}

static void put(cco_chan *c, int v)
{
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
}

static int get(cco_chan *c)
{
	int v = -1;

	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	return v;
}

static void ready_now(void)
{
	cco_chan *c1 = chan(1), *c2 = chan(1), *c3 = chan(1);
	struct rt_sel x = { 0 };

	put(c2, 5);
	put(c3, 6);
	rt_sel_add(&x, c1, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c2, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c3, CCO_SEL_RECV, -1);
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);	/* the first ready one */
	EXPECT_EQ(x.ops[1].res, 0);
	EXPECT_EQ(x.val[1], 5);
	EXPECT_EQ(x.val[2], -1);
	EXPECT_EQ(get(c3), 6);			/* the others untouched */

	x = (struct rt_sel){ 0 };
	rt_sel_add(&x, c1, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c2, CCO_SEL_SEND, 8);
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);
	EXPECT_EQ(x.ops[1].res, 0);
	EXPECT_EQ(get(c2), 8);
	EXPECT_EQ(cco_chan_try_recv(c1, &x.val[0]), -EAGAIN);

	x = (struct rt_sel){ 0 };
	put(c1, 1);
	rt_sel_add(&x, NULL, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c1, CCO_SEL_RECV, -1);
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);	/* NULL: never ready */
	EXPECT_EQ(x.val[1], 1);
	cco_chan_free(c1);
	cco_chan_free(c2);
	cco_chan_free(c3);
}

static void waits_for_the_second(void)
{
	cco_chan *c1 = chan(1), *c2 = chan(1);
	struct rt_sel x = { 0 };
	cco_scope *s = rt_scope();

	rt_sel_add(&x, c1, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c2, CCO_SEL_RECV, -1);
	rt_go(s, rt_selector, &x);
	rt_settle();
	EXPECT(!x.done);
	put(c2, 9);
	rt_settle();
	EXPECT(x.done);
	EXPECT_EQ(x.rc, 1);
	EXPECT_EQ(x.ops[1].res, 0);
	EXPECT_EQ(x.val[1], 9);
	EXPECT_EQ(x.val[0], -1);
	put(c1, 10);				/* no waiter of the select is left */
	EXPECT_EQ(get(c1), 10);
	rt_close(s);
	cco_chan_free(c1);
	cco_chan_free(c2);
}

static void parked_send(void)
{
	cco_chan *c1 = chan(1), *c2 = chan(1);
	struct rt_sel x = { 0 };
	cco_scope *s = rt_scope();

	put(c1, 1);				/* full */
	rt_sel_add(&x, c1, CCO_SEL_SEND, 3);
	rt_sel_add(&x, c2, CCO_SEL_RECV, -1);
	rt_go(s, rt_selector, &x);
	rt_settle();
	EXPECT(!x.done);
	EXPECT_EQ(get(c1), 1);			/* admits the select's 3 */
	rt_settle();
	EXPECT_EQ(x.rc, 0);
	EXPECT_EQ(x.ops[0].res, 0);
	EXPECT_EQ(get(c1), 3);
	put(c2, 4);				/* not taken by the select */
	EXPECT_EQ(get(c2), 4);
	EXPECT_EQ(x.val[1], -1);
	rt_close(s);
	cco_chan_free(c1);
	cco_chan_free(c2);
}

static void rendezvous(void)
{
	cco_chan *c = chan(0), *d = chan(0);
	struct rt_op snd = { .c = c, .val = 21 }, rcv = { .c = d, .val = -1 };
	struct rt_sel x = { 0 }, y = { 0 };
	cco_scope *s = rt_scope();
	int v = -1;

	/* a sender waits on c: the receive completes at once */
	rt_go(s, rt_sender, &snd);
	rt_settle();
	rt_sel_add(&x, d, CCO_SEL_RECV, -1);
	rt_sel_add(&x, c, CCO_SEL_RECV, -1);
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);
	EXPECT_EQ(x.val[1], 21);
	rt_settle();
	EXPECT_EQ(snd.rc, 0);

	/* a receiver waits on d: the send completes at once */
	rt_go(s, rt_receiver, &rcv);
	rt_settle();
	x = (struct rt_sel){ 0 };
	rt_sel_add(&x, c, CCO_SEL_SEND, 1);
	rt_sel_add(&x, d, CCO_SEL_SEND, 22);
	EXPECT_EQ(cco_select(x.ops, x.n, -1), 1);
	rt_settle();
	EXPECT_EQ(rcv.rc, 0);
	EXPECT_EQ(rcv.val, 22);

	/* the select waits to send; a receiver comes */
	rt_sel_add(&y, c, CCO_SEL_SEND, 23);
	rt_sel_add(&y, d, CCO_SEL_RECV, -1);
	rt_go(s, rt_selector, &y);
	rt_settle();
	EXPECT(!y.done);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 23);
	rt_settle();
	EXPECT_EQ(y.rc, 0);
	EXPECT_EQ(cco_chan_try_send(d, &v), -EAGAIN);	/* its receive is gone */
	rt_close(s);
	cco_chan_free(c);
	cco_chan_free(d);
}

/* Twelve operations: more waiters than the select keeps on its stack. */
#define MANY 12
struct many {
	cco_chan *c[MANY];
	int val[MANY];
	int rc;
};

static int64_t select_many(void *arg)
{
	struct many *m = arg;
	struct cco_sel ops[MANY];

	for (int i = 0; i < MANY; i++) {
		m->val[i] = -1;
		ops[i] = (struct cco_sel){ .chan = m->c[i], .op = CCO_SEL_RECV, .elem = &m->val[i] };
	}
	m->rc = cco_select(ops, MANY, -1);
	EXPECT_EQ(ops[m->rc].res, 0);
	return 0;
}

static void many(void)
{
	struct many m;
	cco_scope *s = rt_scope();

	for (int i = 0; i < MANY; i++)
		m.c[i] = chan(1);
	rt_go(s, select_many, &m);
	rt_settle();
	put(m.c[MANY - 2], 77);
	put(m.c[MANY - 1], 78);
	rt_settle();
	EXPECT_EQ(m.rc, MANY - 2);
	EXPECT_EQ(m.val[MANY - 2], 77);
	EXPECT_EQ(get(m.c[MANY - 1]), 78);
	rt_close(s);
	for (int i = 0; i < MANY; i++)
		cco_chan_free(m.c[i]);
}

static int64_t body(void *arg)
{
	ready_now();
	waits_for_the_second();
	parked_send();
	rendezvous();
	many();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
