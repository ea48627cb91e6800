/* Helpers for the channel, select and synchronisation tests: start a
 * worker, let the workers run until they park, join one and check how it
 * ended. */
#ifndef RT_SYNC_H
#define RT_SYNC_H

#include "rt_test.h"

/* Every worker here parks within a few rounds of the ready queue. */
#define RT_ROUNDS 8

static inline void rt_settle(void)
{
	for (int i = 0; i < RT_ROUNDS; i++)
		EXPECT_EQ(cco_yield(), 0);
}

static inline cco_co *rt_go(cco_scope *s, cco_fn fn, void *arg)
{
	cco_co *co = NULL;

	EXPECT_EQ(cco_spawn(s, fn, arg, &co), 0);
	return co;
}

/* Joins co, which must have finished already: a worker that should have
 * ended and did not fails here instead of hanging. */
static inline int64_t rt_done(cco_co *co)
{
	struct cco_exit e;

	EXPECT_EQ(cco_join(co, &e, cco_now()), 0);
	return e.value;
}

static inline cco_scope *rt_scope(void)
{
	cco_scope *s = cco_scope_open();

	EXPECT(s != NULL);
	return s;
}

static inline void rt_close(cco_scope *s)
{
	EXPECT_EQ(cco_scope_close(s, -1), 0);
}

static inline int64_t rt_ms(int64_t ms)
{
	return cco_now() + ms * CCO_MSEC;
}

/* Sleeps until *flag is set (a worker's deadline passed), at most 5 s. */
static inline void rt_until(const int *flag)
{
	int64_t end = rt_ms(5000);

	while (!*flag && cco_now() < end)
		EXPECT_EQ(cco_sleep(rt_ms(1)), 0);
	EXPECT(*flag);
}

/* One operation done by a worker, and how it ended. */
struct rt_op {
	cco_chan *c;
	cco_mutex *m;
	cco_sem *s;
	cco_event *e;
	int val;		/* send: the element; recv: lands here */
	int64_t ms;		/* deadline from the start, 0: none */
	int shield;		/* make the call inside a shield */
	int unlock;		/* lock/acquire: release again once held */
	int *log, *nlog;	/* lock/acquire: appends val once held */
	cco_permit p;		/* reserve: the permit */
	int rc;			/* the call's result */
	int done;
	int cancelled;		/* cco_cancelled() right after the call */
	int after;		/* a cco_yield() after the call (and shield) */
};

static inline int64_t rt_deadline(const struct rt_op *o)
{
	return o->ms ? rt_ms(o->ms) : -1;
}

static inline void rt_begin(struct rt_op *o)
{
	if (o->shield)
		cco_shield_begin();
}

static inline int64_t rt_end(struct rt_op *o)
{
	o->cancelled = cco_cancelled();
	if (o->shield)
		cco_shield_end();
	o->done = 1;
	o->after = cco_yield();
	return 0;
}

static inline int64_t rt_sender(void *arg)
{
	struct rt_op *o = arg;

	rt_begin(o);
	o->rc = cco_chan_send(o->c, &o->val, rt_deadline(o));
	return rt_end(o);
}

static inline int64_t rt_receiver(void *arg)
{
	struct rt_op *o = arg;

	rt_begin(o);
	o->rc = cco_chan_recv(o->c, &o->val, rt_deadline(o));
	return rt_end(o);
}

/* Keeps the permit in o->p for the test to use. */
static inline int64_t rt_reserver(void *arg)
{
	struct rt_op *o = arg;

	rt_begin(o);
	o->rc = cco_chan_reserve(o->c, &o->p, rt_deadline(o));
	return rt_end(o);
}

static inline void rt_held(struct rt_op *o)
{
	if (o->log)
		o->log[(*o->nlog)++] = o->val;
}

static inline int64_t rt_locker(void *arg)
{
	struct rt_op *o = arg;

	rt_begin(o);
	o->rc = cco_mutex_lock(o->m, rt_deadline(o));
	if (o->rc == 0) {
		rt_held(o);
		if (o->unlock)
			cco_mutex_unlock(o->m);
	}
	return rt_end(o);
}

static inline int64_t rt_acquirer(void *arg)
{
	struct rt_op *o = arg;

	rt_begin(o);
	o->rc = cco_sem_acquire(o->s, rt_deadline(o));
	if (o->rc == 0) {
		rt_held(o);
		if (o->unlock)
			cco_sem_release(o->s);
	}
	return rt_end(o);
}

static inline int64_t rt_waiter(void *arg)
{
	struct rt_op *o = arg;

	rt_begin(o);
	o->rc = cco_event_wait(o->e, rt_deadline(o));
	return rt_end(o);
}

/* A select over up to four operations; elements in val[i]. */
struct rt_sel {
	struct cco_sel ops[4];
	int val[4];
	size_t n;
	int64_t ms;		/* deadline from the start, 0: none */
	int shield;
	int rc, done, cancelled, after;
};

/* Adds an operation on c; for a send, v is the element. */
static inline void rt_sel_add(struct rt_sel *x, cco_chan *c, enum cco_sel_op op, int v)
{
	size_t i = x->n++;

	x->val[i] = v;
	x->ops[i] = (struct cco_sel){ .chan = c, .op = op, .elem = &x->val[i], .res = 12345 };
}

static inline int64_t rt_selector(void *arg)
{
	struct rt_sel *x = arg;

	if (x->shield)
		cco_shield_begin();
	x->rc = cco_select(x->ops, x->n, x->ms ? rt_ms(x->ms) : -1);
	x->cancelled = cco_cancelled();
	if (x->shield)
		cco_shield_end();
	x->done = 1;
	x->after = cco_yield();
	return 0;
}

#endif
