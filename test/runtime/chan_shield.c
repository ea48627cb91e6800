// RUN: env CCO_BACKEND=epoll %cco_bin/chan_shield
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_shield %}
/* A shield defers cancellation: a shielded receive (send) that is
 * cancelled while it waits goes on waiting and completes; the first
 * suspending call after the shield returns -ECANCELED. Deadlines still
 * apply inside a shield. */
#include "rt_sync.h"

static void shielded_recv_completes(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op r = { .c = c, .val = -1, .shield = 1 };
	cco_scope *s = rt_scope();
	cco_co *co = rt_go(s, rt_receiver, &r);
	int v = 9;

	rt_settle();
	cco_cancel(co);
	rt_settle();
	EXPECT(!r.done);			/* still waiting */
	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	rt_settle();
	EXPECT(r.done);
	EXPECT_EQ(r.rc, 0);
	EXPECT_EQ(r.val, 9);
	EXPECT(r.cancelled);
	EXPECT_EQ(r.after, -ECANCELED);	/* delivered after the shield */
	rt_close(s);
	cco_chan_free(c);
}

static void shielded_send_completes(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 0, NULL);
	struct rt_op w = { .c = c, .val = 4, .shield = 1 };
	cco_scope *s = rt_scope();
	int v = 0;

	rt_go(s, rt_sender, &w);
	rt_settle();
	cco_scope_cancel(s);
	rt_settle();
	EXPECT(!w.done);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 4);
	rt_settle();
	EXPECT_EQ(w.rc, 0);
	EXPECT_EQ(w.after, -ECANCELED);
	rt_close(s);
	cco_chan_free(c);
}

/* Already cancelled, shielded: the call is made; its deadline still ends it. */
static int64_t shielded_after_cancel(void *arg)
{
	cco_chan *c = arg;
	int v = 1, rc;

	cco_cancel(cco_self());
	cco_shield_begin();
	rc = cco_chan_send(c, &v, -1);		/* room: completes */
	EXPECT_EQ(rc, 0);
	rc = cco_chan_send(c, &v, rt_ms(10));	/* full: times out */
	EXPECT_EQ(rc, -ETIMEDOUT);
	cco_shield_end();
	EXPECT_EQ(cco_chan_recv(c, &v, -1), -ECANCELED);
	return 0;
}

static int64_t body(void *arg)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	cco_scope *s;
	int v;

	shielded_recv_completes();
	shielded_send_completes();
	s = rt_scope();
	rt_go(s, shielded_after_cancel, c);
	rt_close(s);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	cco_chan_free(c);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
