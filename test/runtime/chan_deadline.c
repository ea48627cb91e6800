// RUN: env CCO_BACKEND=epoll %cco_bin/chan_deadline
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_deadline %}
/* Deadlines: send, recv and reserve return -ETIMEDOUT once the deadline
 * passes (not before), a passed deadline fails even an operation that
 * could complete, and a timed-out waiter leaves its place to the next. */
#include "rt_sync.h"

static void waits_time_out(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	cco_permit p;
	int v = 1, got = -1;
	int64_t t0;

	EXPECT_EQ(cco_chan_recv(c, &got, rt_ms(10)), -ETIMEDOUT);
	EXPECT_EQ(got, -1);
	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	t0 = cco_now();
	v = 2;
	EXPECT_EQ(cco_chan_send(c, &v, t0 + 20 * CCO_MSEC), -ETIMEDOUT);
	EXPECT(cco_now() >= t0 + 20 * CCO_MSEC);
	EXPECT_EQ(cco_chan_reserve(c, &p, rt_ms(10)), -ETIMEDOUT);
	EXPECT(p.chan == NULL);
	EXPECT_EQ(cco_chan_try_recv(c, &got), 0);
	EXPECT_EQ(got, 1);
	EXPECT_EQ(cco_chan_try_recv(c, &got), -EAGAIN);	/* 2 never got in */
	cco_chan_free(c);
}

static void passed_deadline_fails_at_once(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	cco_permit p;
	int v = 1, past = 0;

	EXPECT_EQ(cco_chan_send(c, &v, past), -ETIMEDOUT);
	EXPECT_EQ(cco_chan_reserve(c, &p, past), -ETIMEDOUT);
	EXPECT(p.chan == NULL);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* nothing was sent */
	v = 3;
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	EXPECT_EQ(cco_chan_recv(c, &v, cco_now() - 1), -ETIMEDOUT);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);	/* still there */
	EXPECT_EQ(v, 3);
	cco_chan_free(c);
}

static void timed_out_waiter_leaves_queue(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op a = { .c = c, .val = 10, .ms = 10 }, b = { .c = c, .val = 20 };
	struct rt_op r1 = { .c = c, .val = -1, .ms = 10 }, r2 = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	rt_go(s, rt_sender, &a);
	rt_settle();
	rt_go(s, rt_sender, &b);
	rt_settle();
	rt_until(&a.done);
	EXPECT(a.done);
	EXPECT_EQ(a.rc, -ETIMEDOUT);
	EXPECT(!b.done);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 20);
	rt_settle();
	EXPECT_EQ(b.rc, 0);

	/* receivers: the timed-out one takes nothing */
	rt_go(s, rt_receiver, &r1);
	rt_settle();
	rt_go(s, rt_receiver, &r2);
	rt_settle();
	rt_until(&r1.done);
	EXPECT_EQ(r1.rc, -ETIMEDOUT);
	v = 30;
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	rt_settle();
	EXPECT_EQ(r1.val, -1);
	EXPECT_EQ(r2.rc, 0);
	EXPECT_EQ(r2.val, 30);
	rt_close(s);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	waits_time_out();
	passed_deadline_fails_at_once();
	timed_out_waiter_leaves_queue();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
