// A pthread mutex held where a cco call suspends the coroutine: flagged
// even though every path, the cancel branch included, unlocks it. A cco
// mutex held there, and a pthread mutex released before the suspend, are
// fine; so is a pthread mutex held across a call that does not suspend.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=gnu11 -pthread -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdint.h>
#include <cco.h>

struct stats {
	pthread_mutex_t mu;
	long sent;
};

int send_counted_bad_1(struct stats *st, cco_chan *ch, void *msg, int64_t deadline)
{
	pthread_mutex_lock(&st->mu);
	int rc = cco_chan_send(ch, &msg, deadline);
// CHECK: pthread-across-cco.c:[[@LINE-1]]:11: warning: thread-blocking lock '&st->mu' is held while 'cco_chan_send' suspends the coroutine [suspend-holding-lock]
// CHECK: pthread-across-cco.c:[[@LINE-3]]:2: note: '&st->mu' acquired here by 'pthread_mutex_lock'
	if (rc == 0)
		st->sent++;
	pthread_mutex_unlock(&st->mu);
	return rc;
}

int nap_bad_2(struct stats *st)
{
	pthread_mutex_lock(&st->mu);
	st->sent = 0;
	int rc = cco_sleep(cco_now() + 1000000);
// CHECK: pthread-across-cco.c:[[@LINE-1]]:11: warning: thread-blocking lock '&st->mu' is held while 'cco_sleep' suspends the coroutine [suspend-holding-lock]
	pthread_mutex_unlock(&st->mu);
	return rc;
}

int send_counted_good_1(struct stats *st, cco_chan *ch, void *msg, int64_t deadline)
{
	pthread_mutex_lock(&st->mu);
	st->sent++;
	pthread_mutex_unlock(&st->mu);
	return cco_chan_send(ch, &msg, deadline);
}

int coroutine_lock_good_2(cco_mutex *mu, cco_chan *ch, void *msg, int64_t deadline)
{
	int rc = cco_mutex_lock(mu, deadline);
	if (rc)
		return rc;
	rc = cco_chan_send(ch, &msg, deadline);
	cco_mutex_unlock(mu);
	return rc;
}

long no_suspend_good_3(struct stats *st)
{
	pthread_mutex_lock(&st->mu);
	long n = st->sent;
	pthread_mutex_unlock(&st->mu);
	return n;
}
