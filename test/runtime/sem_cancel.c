// RUN: env CCO_BACKEND=epoll %cco_bin/sem_cancel
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/sem_cancel %}
/* Semaphore waiters cancelled or timed out take no unit and lose their
 * place (units are conserved); an already cancelled acquire fails even
 * with units free; a unit handed over before a cancellation is kept; a
 * shield defers the cancellation. */
#include "rt_sync.h"

static int units(cco_sem *s)
{
	int n = 0;

	/* the deadline only ends the last, waiting acquire */
	while (cco_sem_acquire(s, rt_ms(20)) == 0)
		n++;
	for (int i = 0; i < n; i++)
		cco_sem_release(s);
	return n;
}

static void cancelled_waiters(int settle_first)
{
	cco_sem *s = cco_sem_new(0);
	struct rt_op w[3];
	int log[3], n = 0;
	cco_co *co[3];
	cco_scope *sc = rt_scope();

	for (int i = 0; i < 3; i++) {
		w[i] = (struct rt_op){ .s = s, .val = i, .log = log, .nlog = &n };
		co[i] = rt_go(sc, rt_acquirer, &w[i]);
		rt_settle();
	}
	cco_cancel(co[0]);
	if (settle_first)
		rt_settle();
	cco_sem_release(s);
	rt_settle();
	EXPECT_EQ(w[0].rc, -ECANCELED);
	EXPECT_EQ(w[1].rc, 0);
	EXPECT(!w[2].done);
	EXPECT_EQ(n, 1);
	EXPECT_EQ(log[0], 1);
	cco_scope_cancel(sc);
	rt_settle();
	EXPECT_EQ(w[2].rc, -ECANCELED);
	EXPECT_EQ(units(s), 0);			/* w[1] holds the only unit */
	cco_sem_release(s);			/* for w[1] */
	EXPECT_EQ(units(s), 1);
	rt_close(sc);
	cco_sem_free(s);
}

static void already_cancelled_and_deadline(void)
{
	cco_sem *s = cco_sem_new(2);
	struct rt_op w = { .s = s }, t = { .s = s, .ms = 10 };
	cco_scope *sc = rt_scope(), *dead = rt_scope();

	cco_scope_cancel(dead);
	rt_go(dead, rt_acquirer, &w);
	rt_settle();
	EXPECT_EQ(w.rc, -ECANCELED);
	EXPECT_EQ(units(s), 2);			/* untouched */
	EXPECT_EQ(cco_sem_acquire(s, cco_now() - 1), -ETIMEDOUT);
	EXPECT_EQ(units(s), 2);

	EXPECT_EQ(cco_sem_acquire(s, -1), 0);
	EXPECT_EQ(cco_sem_acquire(s, -1), 0);
	rt_go(sc, rt_acquirer, &t);
	rt_until(&t.done);
	EXPECT_EQ(t.rc, -ETIMEDOUT);
	cco_sem_release(s);
	cco_sem_release(s);
	EXPECT_EQ(units(s), 2);
	rt_close(sc);
	rt_close(dead);
	cco_sem_free(s);
}

static void handed_then_cancelled(void)
{
	cco_sem *s = cco_sem_new(0);
	struct rt_op w = { .s = s };
	cco_scope *sc = rt_scope();
	cco_co *co = rt_go(sc, rt_acquirer, &w);

	rt_settle();
	cco_sem_release(s);
	cco_cancel(co);
	rt_settle();
	EXPECT_EQ(w.rc, 0);
	EXPECT(w.cancelled);
	EXPECT_EQ(units(s), 0);			/* w has it */
	cco_sem_release(s);
	rt_close(sc);
	cco_sem_free(s);
}

static void shielded(void)
{
	cco_sem *s = cco_sem_new(0);
	struct rt_op w = { .s = s, .shield = 1, .unlock = 1 };
	cco_scope *sc = rt_scope();
	cco_co *co = rt_go(sc, rt_acquirer, &w);

	rt_settle();
	cco_cancel(co);
	rt_settle();
	EXPECT(!w.done);
	cco_sem_release(s);
	rt_settle();
	EXPECT_EQ(w.rc, 0);
	EXPECT_EQ(w.after, -ECANCELED);
	EXPECT_EQ(units(s), 1);			/* released again by w */
	rt_close(sc);
	cco_sem_free(s);
}

static int64_t body(void *arg)
{
	cancelled_waiters(1);
	cancelled_waiters(0);
	already_cancelled_and_deadline();
	handed_then_cancelled();
	shielded();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
