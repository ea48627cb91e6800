// RUN: env CCO_BACKEND=epoll %cco_bin/chan_conserve
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_conserve %}
/* Conservation under cancellation: producers (send, and reserve +
 * permit_send), consumers (recv and select) and the test itself race on
 * one channel, with short deadlines and cancellations at pseudo-random
 * points, hand-offs included. Every element whose send returned 0 is
 * received exactly once; no element whose send failed is ever received. */
#include "rt_sync.h"

#define NP 5
#define NC 3
#define K 200
#define NV ((NP + 1) * K)		/* the last K are the test's own */

struct world {
	cco_chan *c, *never;		/* never: a select operand that stays empty */
	unsigned char sent[NV], seen[NV];
	unsigned rng;
	int producers_left;
};

static unsigned next(unsigned *r)
{
	*r = *r * 1103515245u + 12345u;
	return (*r >> 16) & 0x7fff;
}

struct worker {
	struct world *w;
	int id;
	unsigned rng;
};

static int64_t deadline_for(unsigned *r)
{
	return next(r) % 4 == 0 ? rt_ms(1) : -1;
}

static int produce_one(struct worker *me, int v)
{
	struct world *w = me->w;
	cco_permit p CCO_PERMIT_ON_EXIT = { 0 };
	int rc;

	if (v % 2)
		return cco_chan_send(w->c, &v, deadline_for(&me->rng));
	rc = cco_chan_reserve(w->c, &p, deadline_for(&me->rng));
	if (rc)
		return rc;
	if (next(&me->rng) % 8 == 0 && cco_yield() < 0)
		return -ECANCELED;	/* the guard gives the slot back */
	cco_permit_send(&p, &v);
	return 0;
}

static int64_t producer(void *arg)
{
	struct worker *me = arg;
	struct world *w = me->w;
	int rc = 0;

	for (int k = 0; k < K && rc != -ECANCELED; k++) {
		int v = me->id * K + k;

		rc = produce_one(me, v);
		EXPECT(rc == 0 || rc == -ETIMEDOUT || rc == -ECANCELED);
		if (rc == 0)
			w->sent[v] = 1;
	}
	w->producers_left--;
	return 0;
}

static int take(struct worker *me, int *v)
{
	struct world *w = me->w;
	struct cco_sel ops[2] = {
		{ .chan = w->never, .op = CCO_SEL_RECV, .elem = v },
		{ .chan = w->c, .op = CCO_SEL_RECV, .elem = v },
	};
	int rc;

	if (me->id != 2)
		return cco_chan_recv(w->c, v, deadline_for(&me->rng));
	rc = cco_select(ops, 2, deadline_for(&me->rng));
	if (rc < 0)
		return rc;
	EXPECT_EQ(rc, 1);
	return ops[1].res;
}

/* Consumer 0 is never cancelled: it keeps the producers going. */
static int64_t consumer(void *arg)
{
	struct worker *me = arg;
	struct world *w = me->w;

	for (;;) {
		int v = -1, rc = take(me, &v);

		if (rc == -EPIPE || rc == -ECANCELED)
			return 0;
		if (rc == -ETIMEDOUT)
			continue;
		EXPECT_EQ(rc, 0);
		EXPECT(v >= 0 && v < NV);
		EXPECT_EQ(w->seen[v], 0);
		w->seen[v] = 1;
	}
}

/* The test's own moves between rounds: cancel someone, or send or take
 * an element without waiting. */
static void meddle(struct world *w, cco_co **prod, cco_co **cons, int *mine)
{
	unsigned r = next(&w->rng) % 100;
	int v;

	if (r == 0) {
		cco_cancel(prod[next(&w->rng) % NP]);
	} else if (r == 1) {
		cco_cancel(cons[1 + next(&w->rng) % (NC - 1)]);
	} else if (r < 30) {
		if (*mine < K) {
			v = NP * K + *mine;
			if (cco_chan_try_send(w->c, &v) == 0) {
				w->sent[v] = 1;
				++*mine;
			}
		}
	} else if (r < 60) {
		if (cco_chan_try_recv(w->c, &v) == 0) {
			EXPECT_EQ(w->seen[v], 0);
			w->seen[v] = 1;
		}
	}
}

static void one_world(unsigned seed)
{
	static struct world w;
	struct worker pw[NP], cw[NC];
	cco_co *prod[NP], *cons[NC];
	cco_scope *ps = rt_scope(), *cs = rt_scope();
	int mine = 0, v;
	long nsent = 0;

	memset(&w, 0, sizeof(w));
	w.c = cco_chan_open(sizeof(int), 3, NULL);
	w.never = cco_chan_open(sizeof(int), 1, NULL);
	w.rng = seed;
	w.producers_left = NP;
	for (int i = 0; i < NC; i++) {
		cw[i] = (struct worker){ .w = &w, .id = i, .rng = seed * 31 + i };
		cons[i] = rt_go(cs, consumer, &cw[i]);
	}
	for (int i = 0; i < NP; i++) {
		pw[i] = (struct worker){ .w = &w, .id = i, .rng = seed * 17 + i };
		prod[i] = rt_go(ps, producer, &pw[i]);
	}
	while (w.producers_left > 0) {
		meddle(&w, prod, cons, &mine);
		EXPECT_EQ(cco_yield(), 0);
	}
	rt_close(ps);
	cco_chan_close(w.c);
	rt_close(cs);
	while (cco_chan_try_recv(w.c, &v) == 0)
		w.seen[v]++;
	for (int i = 0; i < NV; i++) {
		EXPECT_EQ(w.seen[i], w.sent[i]);
		nsent += w.sent[i];
	}
	EXPECT(nsent > NP * K / 4);		/* the run did something */
	cco_chan_free(w.c);
	cco_chan_free(w.never);
}

static int64_t body(void *arg)
{
	for (unsigned seed = 1; seed <= 200; seed++)
		one_world(seed);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
