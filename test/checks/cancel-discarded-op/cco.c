// Results that say what happened, dropped: the lock may not be held, the
// value may not have gone, the coroutine may not have been joined.
// RUN: not %cancelcheck --checks='-*,cancel-discarded-op' %s -- -I%srcroot/include \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <cco.h>
#include <errno.h>

struct job { int id; };

void bump_bad(cco_mutex *mu, int *counter, int64_t deadline)
{
	(void)cco_mutex_lock(mu, deadline);
// CHECK: cco.c:[[@LINE-1]]:8: warning: the result of 'cco_mutex_lock' is discarded: it says whether the operation happened (it may have been cancelled or timed out) [cancel-discarded-op]
	(*counter)++;
	cco_mutex_unlock(mu);
}

void bump_good(cco_mutex *mu, int *counter, int64_t deadline)
{
	if (cco_mutex_lock(mu, deadline) < 0)
		return;
	(*counter)++;
	cco_mutex_unlock(mu);
}

void handoff_bad(cco_chan *c, struct job j, int64_t deadline)
{
	cco_chan_send(c, &j, deadline);
// CHECK: cco.c:[[@LINE-1]]:2: warning: the result of 'cco_chan_send' is discarded
}

int handoff_good(cco_chan *c, struct job j, int64_t deadline)
{
	return cco_chan_send(c, &j, deadline);
}

int finish_bad(cco_co *co, int64_t deadline)
{
	struct cco_exit ex;
	int rc = cco_join(co, &ex, deadline);
// CHECK: cco.c:[[@LINE-1]]:11: warning: the result of 'cco_join' is stored but never read: it says whether the operation happened (it may have been cancelled or timed out) [cancel-discarded-op]
	return (int)ex.value;
}

int finish_good(cco_co *co, int64_t deadline)
{
	struct cco_exit ex;
	int rc = cco_join(co, &ex, deadline);
	if (rc < 0)
		return rc;
	return (int)ex.value;
}

// Outcomes that do not matter: a sleep or a yield cut short.
void pause_a_bit(int64_t deadline)
{
	(void)cco_sleep(deadline);
	(void)cco_yield();
	cco_mutex *m = cco_mutex_new();	/* non-suspending: not this check's */
	if (m)
		cco_mutex_free(m);
}

// A result read through the assignment's value, or later, is used.
int read_later(int fd, char *buf, int64_t deadline)
{
	ssize_t n;
	if ((n = cco_read(fd, buf, 16, deadline)) < 0)
		return -1;
	ssize_t m = cco_read(fd, buf, 16, deadline);
	return (int)(n + m);
}
