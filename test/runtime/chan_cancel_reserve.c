// RUN: env CCO_BACKEND=epoll %cco_bin/chan_cancel_reserve
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_cancel_reserve %}
/* A reserver cancelled while it waits returns -ECANCELED without a permit
 * (p.chan NULL), the slot goes to the next waiter, and no slot is lost:
 * afterwards the channel holds exactly its capacity again. */
#include "rt_sync.h"

static void cancelled_reserver_gets_no_slot(int settle_first)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_op a = { .c = c }, b = { .c = c };
	cco_scope *s = rt_scope();
	cco_co *ca;
	int v = 1;

	for (int i = 0; i < 2; i++)
		EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	ca = rt_go(s, rt_reserver, &a);
	rt_settle();
	rt_go(s, rt_reserver, &b);
	rt_settle();
	cco_cancel(ca);
	if (settle_first)
		rt_settle();
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	rt_settle();
	EXPECT(a.done && b.done);
	EXPECT_EQ(a.rc, -ECANCELED);
	EXPECT(a.p.chan == NULL);
	EXPECT_EQ(b.rc, 0);
	EXPECT(b.p.chan == c);
	cco_permit_release(&b.p);
	/* one element inside, one slot free: nothing leaked to a's attempt */
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);
	EXPECT_EQ(cco_chan_try_send(c, &v), -EAGAIN);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	rt_close(s);
	cco_chan_free(c);
}

static void scope_of_reservers(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op res[3];
	cco_scope *s = rt_scope();
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);
	for (int i = 0; i < 3; i++) {
		res[i] = (struct rt_op){ .c = c };
		rt_go(s, rt_reserver, &res[i]);
	}
	rt_settle();
	cco_scope_cancel(s);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);	/* before they have run */
	rt_settle();
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ(res[i].rc, -ECANCELED);
		EXPECT(res[i].p.chan == NULL);
	}
	EXPECT_EQ(cco_chan_try_send(c, &v), 0);	/* the slot is free */
	rt_close(s);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	cancelled_reserver_gets_no_slot(1);
	cancelled_reserver_gets_no_slot(0);
	scope_of_reservers();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
