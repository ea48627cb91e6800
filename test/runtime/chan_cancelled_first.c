// RUN: env CCO_BACKEND=epoll %cco_bin/chan_cancelled_first
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_cancelled_first %}
/* A coroutine already cancelled gets -ECANCELED from send, recv and
 * reserve at once, even when they could complete without waiting, and
 * nothing happens to the channel; the non-suspending try_* forms still
 * work. */
#include "rt_sync.h"

struct chans {
	cco_chan *room;		/* empty, capacity 2 */
	cco_chan *full;		/* one element (7), capacity 1 */
	cco_chan *rdv;		/* rendezvous with a sender waiting */
	int rc_send, rc_recv, rc_reserve, rc_rdv, rc_try;
	int got;
	cco_permit p;
};

static int64_t cancelled_body(void *arg)
{
	struct chans *k = arg;
	int v = 1;

	cco_cancel(cco_self());
	k->rc_send = cco_chan_send(k->room, &v, -1);
	k->got = -1;
	k->rc_recv = cco_chan_recv(k->full, &k->got, -1);
	k->p.chan = k->room;		/* reserve must clear it */
	k->rc_reserve = cco_chan_reserve(k->room, &k->p, -1);
	k->rc_rdv = cco_chan_recv(k->rdv, &k->got, -1);
	v = 2;
	k->rc_try = cco_chan_try_send(k->room, &v);
	return 0;
}

static int64_t body(void *arg)
{
	struct chans k = {
		.room = cco_chan_open(sizeof(int), 2, NULL),
		.full = cco_chan_open(sizeof(int), 1, NULL),
		.rdv = cco_chan_open(sizeof(int), 0, NULL),
	};
	struct rt_op snd = { .c = k.rdv, .val = 3 };
	cco_scope *s = rt_scope();
	int v = 7;

	EXPECT_EQ(cco_chan_send(k.full, &v, -1), 0);
	rt_go(s, rt_sender, &snd);
	rt_settle();
	rt_go(s, cancelled_body, &k);
	rt_settle();
	EXPECT_EQ(k.rc_send, -ECANCELED);
	EXPECT_EQ(k.rc_recv, -ECANCELED);
	EXPECT_EQ(k.rc_reserve, -ECANCELED);
	EXPECT(k.p.chan == NULL);
	EXPECT_EQ(k.rc_rdv, -ECANCELED);
	EXPECT_EQ(k.got, -1);
	EXPECT_EQ(k.rc_try, 0);
	/* room: only the try_send's element, and one slot free (no reserve) */
	EXPECT_EQ(cco_chan_try_send(k.room, &v), 0);
	EXPECT_EQ(cco_chan_try_send(k.room, &v), -EAGAIN);
	EXPECT_EQ(cco_chan_try_recv(k.room, &v), 0);
	EXPECT_EQ(v, 2);
	/* full: its element is still there */
	EXPECT_EQ(cco_chan_try_recv(k.full, &v), 0);
	EXPECT_EQ(v, 7);
	/* rdv: the sender still waits with its element */
	EXPECT(!snd.done);
	EXPECT_EQ(cco_chan_recv(k.rdv, &v, -1), 0);
	EXPECT_EQ(v, 3);
	rt_close(s);

	/* a coroutine spawned into a cancelled scope starts cancelled */
	s = rt_scope();
	cco_scope_cancel(s);
	struct rt_op late = { .c = k.room, .val = 4 };
	rt_go(s, rt_sender, &late);
	rt_settle();
	EXPECT_EQ(late.rc, -ECANCELED);
	EXPECT_EQ(cco_chan_try_recv(k.room, &v), 0);	/* the 7 from above */
	EXPECT_EQ(v, 7);
	EXPECT_EQ(cco_chan_try_recv(k.room, &v), -EAGAIN);	/* not late's 4 */
	rt_close(s);
	cco_chan_free(k.room);
	cco_chan_free(k.full);
	cco_chan_free(k.rdv);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
