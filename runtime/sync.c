/* Async mutex, counting semaphore and event: waiters suspend their
 * coroutine, not the thread.
 *
 * Mutex and semaphore hand over directly: unlock (release) gives the lock
 * (the unit) to the first waiter that can still be woken, so a coroutine
 * arriving later cannot barge past the queue. The hand-over happens only
 * for a waiter whose wake succeeds (cco__wake_one): a waiter cancelled or
 * timed out meanwhile is skipped and loses its place, and one woken with 0
 * holds the lock even if it was cancelled before it ran. */
#include <assert.h>
#include <limits.h>
#include <stdlib.h>

#include "internal.h"

/* Nothing moves: the lock or unit stays taken and changes owner. */
static void hand_over(struct cco__waiter *w, void *arg)
{
	w->res = 0;
}

/* One coroutine waits on q. */
static int wait_here(struct cco__list *q, int64_t deadline)
{
	struct cco__waiter w = { .co = cco__self() };

	return (int)cco__wait_on(q, &w, deadline);
}

/* ---- mutex --------------------------------------------------------------- */

struct cco_mutex {
	bool locked;
	struct cco__list waiters;	/* live ones only while locked */
};

cco_mutex *cco_mutex_new(void)
{
	cco_mutex *m = calloc(1, sizeof(*m));

	if (m)
		cco__list_init(&m->waiters);
	return m;
}

void cco_mutex_free(cco_mutex *m)
{
	if (!m)
		return;
	assert(cco__list_empty(&m->waiters));
	free(m);
}

int cco_mutex_lock(cco_mutex *m, int64_t deadline)
{
	int rc = cco__check(deadline);

	if (rc)
		return rc;
	if (!m->locked) {
		m->locked = true;
		return 0;
	}
	return wait_here(&m->waiters, deadline);
}

int cco_mutex_trylock(cco_mutex *m)
{
	if (m->locked)
		return -EBUSY;
	m->locked = true;
	return 0;
}

void cco_mutex_unlock(cco_mutex *m)
{
	assert(m->locked);
	if (!cco__wake_one(&m->waiters, 0, hand_over, NULL))
		m->locked = false;
}

/* ---- semaphore ------------------------------------------------------------ */

struct cco_sem {
	unsigned count;
	struct cco__list waiters;	/* live ones only while count is 0 */
};

cco_sem *cco_sem_new(unsigned count)
{
	cco_sem *s = calloc(1, sizeof(*s));

	if (s) {
		s->count = count;
		cco__list_init(&s->waiters);
	}
	return s;
}

void cco_sem_free(cco_sem *s)
{
	if (!s)
		return;
	assert(cco__list_empty(&s->waiters));
	free(s);
}

int cco_sem_acquire(cco_sem *s, int64_t deadline)
{
	int rc = cco__check(deadline);

	if (rc)
		return rc;
	if (s->count > 0) {
		s->count--;
		return 0;
	}
	return wait_here(&s->waiters, deadline);
}

void cco_sem_release(cco_sem *s)
{
	if (!cco__wake_one(&s->waiters, 0, hand_over, NULL)) {
		assert(s->count < UINT_MAX);
		s->count++;
	}
}

/* ---- event ---------------------------------------------------------------- */

struct cco_event {
	bool set;
	struct cco__list waiters;	/* live ones only while not set */
};

cco_event *cco_event_new(void)
{
	cco_event *e = calloc(1, sizeof(*e));

	if (e)
		cco__list_init(&e->waiters);
	return e;
}

void cco_event_free(cco_event *e)
{
	if (!e)
		return;
	assert(cco__list_empty(&e->waiters));
	free(e);
}

int cco_event_wait(cco_event *e, int64_t deadline)
{
	int rc = cco__check(deadline);

	if (rc)
		return rc;
	if (e->set)
		return 0;
	return wait_here(&e->waiters, deadline);
}

/* Waiters woken here return 0 even if the event is reset before they run:
 * they saw it set. */
void cco_event_set(cco_event *e)
{
	e->set = true;
	cco__wake_all(&e->waiters, 0);
}

void cco_event_reset(cco_event *e)
{
	e->set = false;
}
