// Which locks block the thread. Flagged: a capability from clang's
// thread-safety attributes, a pthread rwlock, a mutex taken with trylock
// on its success branch, a semaphore, each held across a suspend; a
// suspend inside a helper (through its summary); a suspend inside a
// shield (cancellation is off, the coroutine still suspends). Silent: a
// lock acquired by a suspending call (a coroutine lock), a lock described
// only by cancelcheck's annotations (how it waits is unknown), a pthread
// mutex held across a POSIX cancellation point in a plain thread (that is
// cancel-held-guard's question), and a suppressed finding.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=gnu11 -pthread -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <unistd.h>
#include <cancelcheck/annotations.h>

struct q {
	pthread_mutex_t mu;
	pthread_rwlock_t rw;
	sem_t slots;
	int n;
};

void q_lock(struct q *q) __attribute__((acquire_capability(q->mu)));
void q_unlock(struct q *q) __attribute__((release_capability(q->mu)));
int q_wait(struct q *q, int64_t deadline) CCK_SUSPENDS_RETURNS;
int co_lock(void *m, int64_t deadline) CCK_TRY_ACQUIRES(1, zero) CCK_SUSPENDS_RETURNS;
void co_unlock(void *m) CCK_RELEASES(1);
void plain_lock(void *m) CCK_ACQUIRES(1);
void plain_unlock(void *m) CCK_RELEASES(1);
void shield_on(void) CCK_SHIELD_BEGIN;
void shield_off(void) CCK_SHIELD_END;

int capability_bad_1(struct q *q)
{
	q_lock(q);
	int rc = q_wait(q, -1);
// CHECK: kinds-of-locks.c:[[@LINE-1]]:11: warning: thread-blocking lock '&q->mu' is held while 'q_wait' suspends the coroutine [suspend-holding-lock]
// CHECK: kinds-of-locks.c:[[@LINE-3]]:2: note: '&q->mu' acquired here by 'q_lock'
	q_unlock(q);
	return rc;
}

int rwlock_bad_2(struct q *q)
{
	pthread_rwlock_rdlock(&q->rw);
	int rc = q_wait(q, -1);
// CHECK: kinds-of-locks.c:[[@LINE-1]]:11: warning: thread-blocking lock '&q->rw' is held while 'q_wait' suspends the coroutine [suspend-holding-lock]
	pthread_rwlock_unlock(&q->rw);
	return rc;
}

int trylock_bad_3(struct q *q)
{
	if (pthread_mutex_trylock(&q->mu) != 0)
		return q_wait(q, -1);	/* not held here */
	int rc = q_wait(q, -1);
// CHECK: kinds-of-locks.c:[[@LINE-1]]:11: warning: thread-blocking lock '&q->mu' is held while 'q_wait' suspends the coroutine [suspend-holding-lock]
	pthread_mutex_unlock(&q->mu);
	return rc;
}

int semaphore_bad_4(struct q *q)
{
	sem_wait(&q->slots);
	int rc = q_wait(q, -1);
// CHECK: kinds-of-locks.c:[[@LINE-1]]:11: warning: thread-blocking lock '&q->slots' is held while 'q_wait' suspends the coroutine [suspend-holding-lock]
	sem_post(&q->slots);
	return rc;
}

static int settle(struct q *q)
{
	return q_wait(q, -1);
}

int helper_bad_5(struct q *q)
{
	pthread_mutex_lock(&q->mu);
	int rc = settle(q);
// CHECK: kinds-of-locks.c:[[@LINE-1]]:11: warning: thread-blocking lock '&q->mu' is held while 'settle' suspends the coroutine [suspend-holding-lock]
	pthread_mutex_unlock(&q->mu);
	return rc;
}

int shielded_bad_6(struct q *q)
{
	pthread_mutex_lock(&q->mu);
	shield_on();
	int rc = q_wait(q, -1);
// CHECK: kinds-of-locks.c:[[@LINE-1]]:11: warning: thread-blocking lock '&q->mu' is held while 'q_wait' suspends the coroutine [suspend-holding-lock]
	shield_off();
	pthread_mutex_unlock(&q->mu);
	return rc;
}

int coroutine_lock_good_1(struct q *q, void *m)
{
	if (co_lock(m, -1) != 0)
		return -1;
	int rc = q_wait(q, -1);
	co_unlock(m);
	return rc;
}

int unknown_lock_good_2(struct q *q, void *m)
{
	plain_lock(m);
	int rc = q_wait(q, -1);
	plain_unlock(m);
	return rc;
}

ssize_t plain_thread_good_3(struct q *q, int fd, char *buf)
{
	pthread_mutex_lock(&q->mu);
	ssize_t n = read(fd, buf, 16);
	pthread_mutex_unlock(&q->mu);
	return n;
}

int suppressed_good_4(struct q *q)
{
	pthread_mutex_lock(&q->mu);
	// cancelcheck: ignore[suspend-holding-lock] this runtime runs one coroutine per thread
	int rc = q_wait(q, -1);
	pthread_mutex_unlock(&q->mu);
	return rc;
}
