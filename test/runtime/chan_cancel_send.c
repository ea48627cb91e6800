// RUN: env CCO_BACKEND=epoll %cco_bin/chan_cancel_send
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_cancel_send %}
/* A sender cancelled while it waits returns -ECANCELED, its element never
 * enters the channel and its place in the queue goes to the next sender,
 * also when the slot frees before the cancelled sender has run again. */
#include "rt_sync.h"

static void cancelled_sender_loses_place(int settle_first)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op a = { .c = c, .val = 10 }, b = { .c = c, .val = 20 };
	cco_scope *s = rt_scope();
	cco_co *ca;
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);	/* full */
	ca = rt_go(s, rt_sender, &a);
	rt_settle();
	rt_go(s, rt_sender, &b);
	rt_settle();
	cco_cancel(ca);
	if (settle_first) {
		rt_settle();
		EXPECT(a.done);
		EXPECT_EQ(a.rc, -ECANCELED);
	}
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);	/* frees the slot */
	EXPECT_EQ(v, 1);
	rt_settle();
	EXPECT(a.done && b.done);
	EXPECT_EQ(a.rc, -ECANCELED);
	EXPECT_EQ(a.after, -ECANCELED);
	EXPECT_EQ(b.rc, 0);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 20);			/* b's, not a's */
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);	/* 10 never got in */
	rt_close(s);
	cco_chan_free(c);
}

static void rendezvous_sender(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 0, NULL);
	struct rt_op a = { .c = c, .val = 10 }, b = { .c = c, .val = 20 };
	cco_scope *s = rt_scope();
	cco_co *ca;
	int v = 0;

	ca = rt_go(s, rt_sender, &a);
	rt_settle();
	rt_go(s, rt_sender, &b);
	rt_settle();
	cco_cancel(ca);
	EXPECT_EQ(cco_chan_try_recv(c, &v), 0);	/* skips a, takes b's */
	EXPECT_EQ(v, 20);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	rt_settle();
	EXPECT_EQ(a.rc, -ECANCELED);
	EXPECT_EQ(b.rc, 0);
	rt_close(s);
	cco_chan_free(c);
}

/* cco_scope_cancel reaches every sender of the scope. */
static void scope_of_senders(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_op snd[4];
	cco_scope *s = rt_scope();
	int v;

	for (int i = 1; i <= 2; i++)
		EXPECT_EQ(cco_chan_send(c, &i, -1), 0);
	for (int i = 0; i < 4; i++) {
		snd[i] = (struct rt_op){ .c = c, .val = 100 + i };
		rt_go(s, rt_sender, &snd[i]);
	}
	rt_settle();
	cco_scope_cancel(s);
	rt_settle();
	for (int i = 0; i < 4; i++) {
		EXPECT(snd[i].done);
		EXPECT_EQ(snd[i].rc, -ECANCELED);
	}
	for (int i = 1; i <= 2; i++) {
		EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
		EXPECT_EQ(v, i);
	}
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EAGAIN);
	rt_close(s);
	cco_chan_free(c);
}

static int64_t body(void *arg)
{
	cancelled_sender_loses_place(1);
	cancelled_sender_loses_place(0);
	rendezvous_sender();
	scope_of_senders();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
