// RUN: env CCO_BACKEND=epoll %cco_bin/event_cancel
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/event_cancel %}
/* Event waits and cancellation: a cancelled waiter returns -ECANCELED and
 * the others are still woken by set; an already cancelled wait fails even
 * on a set event; a wait woken by set before its cancellation returns 0;
 * deadlines; a shield defers the cancellation. */
#include "rt_sync.h"

static int64_t body(void *arg)
{
	cco_event *e = cco_event_new();
	struct rt_op a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, t = { 0 }, sh = { 0 };
	cco_scope *s = rt_scope(), *dead = rt_scope();
	cco_co *ca, *cc, *csh;

	EXPECT(e != NULL);
	a.e = b.e = c.e = d.e = t.e = sh.e = e;
	t.ms = 10;
	sh.shield = 1;
	ca = rt_go(s, rt_waiter, &a);
	rt_go(s, rt_waiter, &b);
	cc = rt_go(s, rt_waiter, &c);
	rt_go(s, rt_waiter, &t);
	csh = rt_go(s, rt_waiter, &sh);
	rt_settle();
	cco_cancel(ca);
	cco_cancel(csh);
	rt_settle();
	EXPECT(a.done);
	EXPECT_EQ(a.rc, -ECANCELED);
	EXPECT(!sh.done);			/* shielded: still waiting */
	rt_until(&t.done);
	EXPECT_EQ(t.rc, -ETIMEDOUT);
	EXPECT(!b.done && !c.done);
	cco_event_set(e);
	cco_cancel(cc);				/* after its wake: too late */
	rt_settle();
	EXPECT_EQ(b.rc, 0);
	EXPECT_EQ(c.rc, 0);
	EXPECT(c.cancelled);
	EXPECT_EQ(sh.rc, 0);
	EXPECT_EQ(sh.after, -ECANCELED);

	/* set, but the waiter is already cancelled, or its deadline passed */
	cco_scope_cancel(dead);
	rt_go(dead, rt_waiter, &d);
	rt_settle();
	EXPECT_EQ(d.rc, -ECANCELED);
	EXPECT_EQ(cco_event_wait(e, cco_now() - 1), -ETIMEDOUT);
	EXPECT_EQ(cco_event_wait(e, -1), 0);
	rt_close(s);
	rt_close(dead);
	cco_event_free(e);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
