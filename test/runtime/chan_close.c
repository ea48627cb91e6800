// RUN: env CCO_BACKEND=epoll %cco_bin/chan_close
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_close %}
/* Closing: later and waiting senders and reservers get -EPIPE (keeping
 * their element), receivers drain what is buffered and then get -EPIPE,
 * an outstanding permit may still send and its element is received, and
 * a rendezvous channel refuses both sides. */
#include "rt_sync.h"

static void drain_then_epipe(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 4, NULL);
	cco_permit p;
	int v;

	for (int i = 1; i <= 2; i++)
		EXPECT_EQ(cco_chan_send(c, &i, -1), 0);
	cco_chan_close(c);
	cco_chan_close(c);			/* twice is harmless */
	v = 3;
	EXPECT_EQ(cco_chan_send(c, &v, -1), -EPIPE);
	EXPECT_EQ(cco_chan_try_send(c, &v), -EPIPE);
	EXPECT_EQ(cco_chan_reserve(c, &p, -1), -EPIPE);
	EXPECT(p.chan == NULL);
	for (int i = 1; i <= 2; i++) {
		EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
		EXPECT_EQ(v, i);
	}
	EXPECT_EQ(cco_chan_recv(c, &v, -1), -EPIPE);
	EXPECT_EQ(cco_chan_try_recv(c, &v), -EPIPE);
	cco_chan_free(c);
}

static void waiting_senders_and_reservers_refused(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op snd = { .c = c, .val = 99 }, res = { .c = c };
	cco_scope *s = rt_scope();
	int v = 1;

	EXPECT_EQ(cco_chan_send(c, &v, -1), 0);	/* full */
	rt_go(s, rt_sender, &snd);
	rt_go(s, rt_reserver, &res);
	rt_settle();
	EXPECT(!snd.done && !res.done);
	cco_chan_close(c);
	rt_settle();
	EXPECT(snd.done && res.done);
	EXPECT_EQ(snd.rc, -EPIPE);
	EXPECT_EQ(res.rc, -EPIPE);
	EXPECT(res.p.chan == NULL);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), 0);
	EXPECT_EQ(v, 1);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), -EPIPE);	/* 99 never got in */
	rt_close(s);
	cco_chan_free(c);
}

static void waiting_receivers_refused(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_op rcv[2] = { { .c = c, .val = -1 }, { .c = c, .val = -1 } };
	cco_scope *s = rt_scope();

	rt_go(s, rt_receiver, &rcv[0]);
	rt_go(s, rt_receiver, &rcv[1]);
	rt_settle();
	EXPECT(!rcv[0].done && !rcv[1].done);
	cco_chan_close(c);
	rt_settle();
	for (int i = 0; i < 2; i++) {
		EXPECT(rcv[i].done);
		EXPECT_EQ(rcv[i].rc, -EPIPE);
		EXPECT_EQ(rcv[i].val, -1);
	}
	rt_close(s);
	cco_chan_free(c);
}

/* A receiver waits through the close while a permit is outstanding: the
 * permit's element is still coming. */
static void permit_sends_after_close(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 1, NULL);
	struct rt_op rcv = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	cco_permit p;
	int v = 5;

	EXPECT_EQ(cco_chan_reserve(c, &p, -1), 0);
	rt_go(s, rt_receiver, &rcv);
	rt_settle();
	cco_chan_close(c);
	rt_settle();
	EXPECT(!rcv.done);
	cco_permit_send(&p, &v);
	EXPECT(p.chan == NULL);
	rt_settle();
	EXPECT(rcv.done);
	EXPECT_EQ(rcv.rc, 0);
	EXPECT_EQ(rcv.val, 5);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), -EPIPE);

	/* buffered by a permit after close, received later */
	cco_chan *d = cco_chan_open(sizeof(int), 1, NULL);
	EXPECT_EQ(cco_chan_reserve(d, &p, -1), 0);
	cco_chan_close(d);
	EXPECT_EQ(cco_chan_try_recv(d, &v), -EAGAIN);	/* not -EPIPE yet */
	v = 6;
	cco_permit_send(&p, &v);
	EXPECT_EQ(cco_chan_recv(d, &v, -1), 0);
	EXPECT_EQ(v, 6);
	EXPECT_EQ(cco_chan_recv(d, &v, -1), -EPIPE);
	rt_close(s);
	cco_chan_free(c);
	cco_chan_free(d);
}

/* Releasing the last permit of a closed, empty channel ends the wait of
 * its receivers. */
static void release_after_close(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 2, NULL);
	struct rt_op rcv = { .c = c, .val = -1 };
	cco_scope *s = rt_scope();
	cco_permit p;

	EXPECT_EQ(cco_chan_reserve(c, &p, -1), 0);
	rt_go(s, rt_receiver, &rcv);
	rt_settle();
	cco_chan_close(c);
	rt_settle();
	EXPECT(!rcv.done);
	cco_permit_release(&p);
	EXPECT(p.chan == NULL);
	rt_settle();
	EXPECT(rcv.done);
	EXPECT_EQ(rcv.rc, -EPIPE);
	EXPECT_EQ(rcv.val, -1);
	rt_close(s);
	cco_chan_free(c);
}

static void rendezvous_close(void)
{
	cco_chan *c = cco_chan_open(sizeof(int), 0, NULL);
	cco_chan *d = cco_chan_open(sizeof(int), 0, NULL);
	struct rt_op snd = { .c = c, .val = 1 }, rcv = { .c = d, .val = -1 };
	cco_scope *s = rt_scope();
	int v;

	rt_go(s, rt_sender, &snd);
	rt_go(s, rt_receiver, &rcv);
	rt_settle();
	cco_chan_close(c);
	cco_chan_close(d);
	rt_settle();
	EXPECT(snd.done && rcv.done);
	EXPECT_EQ(snd.rc, -EPIPE);
	EXPECT_EQ(rcv.rc, -EPIPE);
	EXPECT_EQ(cco_chan_recv(c, &v, -1), -EPIPE);
	EXPECT_EQ(cco_chan_send(d, &v, -1), -EPIPE);
	rt_close(s);
	cco_chan_free(c);
	cco_chan_free(d);
}

static int64_t body(void *arg)
{
	drain_then_epipe();
	waiting_senders_and_reservers_refused();
	waiting_receivers_refused();
	permit_sends_after_close();
	release_after_close();
	rendezvous_close();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
