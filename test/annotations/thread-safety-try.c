// try_acquire_capability(v, cap): the guard is held only when the result is
// v (1/true: nonzero; 0/false: zero). Held guards are tracked on the success
// branch only.
// These locks block the thread: suspend-holding-lock reports each one held at
// a suspend too (test/checks/suspend-holding-lock/); here only the
// cancel-held-guard side is under test.
// RUN: not %cancelcheck --checks=-suspend-holding-lock %s -- -I%annotations -Wthread-safety | FileCheck %s --implicit-check-not='warning:'
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct __attribute__((capability("mutex"))) mutex { int opaque; };
struct queue { struct mutex mu; int len; };

bool q_trylock(struct queue *q) __attribute__((try_acquire_capability(true, q->mu)));
int q_trylock_rc(struct queue *q) __attribute__((try_acquire_capability(0, q->mu)));
bool mutex_trylock(struct mutex *m) __attribute__((try_acquire_capability(1, m)));
void q_unlock(struct queue *q) __attribute__((release_capability(q->mu)));
void mutex_unlock(struct mutex *m) __attribute__((release_capability(m)));
int q_wait(struct queue *q, int64_t deadline) CCK_SUSPENDS_RETURNS;

int poll_bad_1(struct queue *q)
{
	if (!q_trylock(q))
		return -EBUSY;
// CHECK: thread-safety-try.c:[[@LINE+1]]:11: warning: '&q->mu' is still held if 'q_wait' is cancelled here [cancel-held-guard]
	int rc = q_wait(q, -1);
// CHECK: thread-safety-try.c:[[@LINE-4]]:7: note: '&q->mu' acquired here by 'q_trylock'
	if (rc < 0)
		return rc;
	q_unlock(q);
	return 0;
}

// Not acquired on the failure branch, which is the only one that waits.
int poll_good_1(struct queue *q)
{
	if (q_trylock(q)) {
		q_unlock(q);
		return 0;
	}
	return q_wait(q, -1);
}

// Success is zero here: the lock is held when the result is 0.
int poll_bad_2(struct queue *q)
{
	if (q_trylock_rc(q) != 0)
		return -EBUSY;
// CHECK: thread-safety-try.c:[[@LINE+1]]:11: warning: '&q->mu' is still held if 'q_wait' is cancelled here [cancel-held-guard]
	int rc = q_wait(q, -1);
	if (rc < 0)
		return rc;
	q_unlock(q);
	return 0;
}

int poll_good_2(struct queue *q)
{
	if (q_trylock_rc(q) == 0)
		q_unlock(q);
	return q_wait(q, -1);
}

// The result kept in a variable.
int poll_bad_3(struct mutex *m, struct queue *q)
{
	bool locked = mutex_trylock(m);
	int rc = q_wait(q, -1);
// CHECK: thread-safety-try.c:[[@LINE-1]]:11: warning: 'm' is still held if 'q_wait' is cancelled here [cancel-held-guard]
	if (rc < 0)
		return rc;
	if (locked)
		mutex_unlock(m);
	return 0;
}

int poll_good_3(struct mutex *m, struct queue *q)
{
	bool locked = mutex_trylock(m);
	int rc = q_wait(q, -1);
	if (locked)
		mutex_unlock(m);
	return rc;
}
