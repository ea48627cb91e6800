// A helper that wraps a try-acquire and returns its status is itself a
// try-acquire: the caller holds the lock exactly where the status says it
// succeeded, and a cancel branch that keeps it is found.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <cco.h>

struct pool { cco_mutex *mu; int waits; int items; };

static int pool_lock(struct pool *p, int64_t dl)
{
	int rc = cco_mutex_lock(p->mu, dl);
	if (rc == 0)
		p->waits++;
	return rc;
}

// Straight through, without a variable.
static int pool_lock_direct(struct pool *p, int64_t dl)
{
	return cco_mutex_lock(p->mu, dl);
}

int take_good_1(struct pool *p, int64_t dl)
{
	int rc = pool_lock(p, dl);
	if (rc)
		return rc;	/* failed, timed out or cancelled: nothing held */
	p->items--;
	cco_mutex_unlock(p->mu);
	return 0;
}

int take_good_2(struct pool *p, int64_t dl)
{
	if (pool_lock_direct(p, dl) < 0)
		return -1;
	int rc = cco_sleep(dl);
	cco_mutex_unlock(p->mu);
	return rc;
}

int take_bad_1(struct pool *p, int64_t dl)
{
	if (pool_lock(p, dl) != 0)
		return -1;
	int rc = cco_sleep(dl);
// CHECK: wrapper-try-acquire.c:[[@LINE-1]]:11: warning: 'p->mu' is still held if 'cco_sleep' is cancelled here [cancel-held-guard]
// CHECK: wrapper-try-acquire.c:[[@LINE-4]]:6: note: 'p->mu' acquired here by 'pool_lock'
	if (rc < 0)
		return rc;
	p->items--;
	cco_mutex_unlock(p->mu);
	return 0;
}

int take_bad_2(struct pool *p, int64_t dl)
{
	int rc = pool_lock_direct(p, dl);
	if (rc == 0) {
		rc = cco_sleep(dl);
// CHECK: wrapper-try-acquire.c:[[@LINE-1]]:8: warning: 'p->mu' is still held if 'cco_sleep' is cancelled here [cancel-held-guard]
		if (rc == -ECANCELED)
			return rc;
		cco_mutex_unlock(p->mu);
	}
	return rc;
}
