// RUN: env CCO_BACKEND=epoll %cco_bin/sem_basic
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/sem_basic %}
/* The counting semaphore: acquire takes a unit or waits, waiters are
 * served in order, release hands the unit straight to the first waiter
 * (the count stays 0, nobody barges), and the release-on-exit guard. */
#include "rt_sync.h"

/* Units available now, taken and given back. */
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

static void counting(void)
{
	cco_sem *s = cco_sem_new(2);

	EXPECT(s != NULL);
	EXPECT_EQ(units(s), 2);
	EXPECT_EQ(cco_sem_acquire(s, -1), 0);
	EXPECT_EQ(cco_sem_acquire(s, -1), 0);
	EXPECT_EQ(cco_sem_acquire(s, rt_ms(5)), -ETIMEDOUT);
	cco_sem_release(s);
	cco_sem_release(s);
	cco_sem_release(s);			/* beyond the start: allowed */
	EXPECT_EQ(units(s), 3);
	cco_sem_free(s);
}

static void fifo_hand_off(void)
{
	cco_sem *s = cco_sem_new(0);
	struct rt_op w[3];
	int log[3], n = 0;
	cco_scope *sc = rt_scope();

	for (int i = 0; i < 3; i++) {
		w[i] = (struct rt_op){ .s = s, .val = i, .log = log, .nlog = &n };
		rt_go(sc, rt_acquirer, &w[i]);
		rt_settle();
	}
	cco_sem_release(s);			/* to w[0] before it runs */
	EXPECT_EQ(cco_sem_acquire(s, cco_now() + CCO_USEC), -ETIMEDOUT);
	rt_settle();
	EXPECT_EQ(n, 1);
	EXPECT_EQ(log[0], 0);
	cco_sem_release(s);
	cco_sem_release(s);
	rt_settle();
	EXPECT_EQ(n, 3);
	EXPECT_EQ(log[1], 1);
	EXPECT_EQ(log[2], 2);
	EXPECT_EQ(units(s), 0);			/* all three are held */
	rt_close(sc);
	cco_sem_free(s);
}

static int guarded(cco_sem *s)
{
	int rc = cco_sem_acquire(s, -1);

	if (rc < 0)
		return rc;
	cco_sem *held CCO_SEM_RELEASE_ON_EXIT = s;
	EXPECT_EQ(units(s), 0);
	(void)held;
	return 1;
}

static void guard(void)
{
	cco_sem *s = cco_sem_new(1);

	EXPECT_EQ(guarded(s), 1);
	EXPECT_EQ(units(s), 1);			/* given back on return */
	cco_sem_free(s);
}

static int64_t body(void *arg)
{
	counting();
	fifo_hand_off();
	guard();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
