// A lock taken inside a function of the program's own that returns
// holding it (a wrapper) is the kind of lock the wrapper took: a pthread
// mutex, held where a cco call suspends, is flagged through one wrapper
// and through two. A wrapper around a cco mutex (a coroutine lock), and a
// wrapper whose lock is released before the suspend, are fine.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=gnu11 -pthread -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdint.h>
#include <cco.h>

struct stats {
	pthread_mutex_t mu;
	cco_mutex *cmu;
	long sent;
};

static void stats_lock(struct stats *st) { pthread_mutex_lock(&st->mu); }
static void stats_unlock(struct stats *st) { pthread_mutex_unlock(&st->mu); }
static void stats_lock_twice_removed(struct stats *st) { stats_lock(st); }

static int stats_lock_async(struct stats *st, int64_t deadline)
{
	return cco_mutex_lock(st->cmu, deadline);
}

int one_wrapper_bad_1(struct stats *st, cco_chan *ch, void *msg, int64_t deadline)
{
	stats_lock(st);
	int rc = cco_chan_send(ch, &msg, deadline);
// CHECK: wrapper.c:[[@LINE-1]]:11: warning: thread-blocking lock '&st->mu' is held while 'cco_chan_send' suspends the coroutine [suspend-holding-lock]
// CHECK: wrapper.c:[[@LINE-3]]:2: note: '&st->mu' acquired here by 'stats_lock'
	st->sent++;
	stats_unlock(st);
	return rc;
}

int two_wrappers_bad_2(struct stats *st, cco_chan *ch, void *msg, int64_t deadline)
{
	stats_lock_twice_removed(st);
	int rc = cco_chan_send(ch, &msg, deadline);
// CHECK: wrapper.c:[[@LINE-1]]:11: warning: thread-blocking lock '&st->mu' is held while 'cco_chan_send' suspends the coroutine [suspend-holding-lock]
	stats_unlock(st);
	return rc;
}

int coroutine_lock_good_3(struct stats *st, cco_chan *ch, void *msg, int64_t deadline)
{
	int rc = stats_lock_async(st, deadline);
	if (rc)
		return rc;
	rc = cco_chan_send(ch, &msg, deadline);
	cco_mutex_unlock(st->cmu);
	return rc;
}

int released_good_4(struct stats *st, cco_chan *ch, void *msg, int64_t deadline)
{
	stats_lock(st);
	st->sent++;
	stats_unlock(st);
	return cco_chan_send(ch, &msg, deadline);
}
