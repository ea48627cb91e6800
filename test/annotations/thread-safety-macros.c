// Thread-safety attributes are usually written through macros (as in
// clang's own mutex.h example); the guard is still the capability the
// invocation names.
// These locks block the thread: suspend-holding-lock reports each one held at
// a suspend too (test/checks/suspend-holding-lock/); here only the
// cancel-held-guard side is under test.
// RUN: not %cancelcheck --checks=-suspend-holding-lock %s -- -I%annotations | FileCheck %s --implicit-check-not='warning:'
#include <cancelcheck/annotations.h>

#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define LOCKS(m) __attribute__((acquire_capability(m)))

struct q { int mu; int other; };
void q_lock(struct q *q) ACQUIRE(q->mu);
void q_unlock(struct q *q) RELEASE(q->mu);
void q_lock_other(struct q *q) LOCKS(q->other);
void q_unlock_other(struct q *q) RELEASE(q->other);
int wait_ev(long deadline) CCK_SUSPENDS_RETURNS;

int macro_bad_1(struct q *q)
{
	q_lock(q);
	int rc = wait_ev(-1);
// CHECK: thread-safety-macros.c:[[@LINE-1]]:11: warning: '&q->mu' is still held if 'wait_ev' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-macros.c:[[@LINE-3]]:2: note: '&q->mu' acquired here by 'q_lock'
	if (rc < 0)
		return rc;
	q_unlock(q);
	return 0;
}

int macro_good_1(struct q *q)
{
	q_lock(q);
	int rc = wait_ev(-1);
	q_unlock(q);
	return rc;
}

// One named parameter instead of __VA_ARGS__; a different member: a
// different guard, so unlocking mu does not release it.
int named_param_bad_2(struct q *q)
{
	q_lock_other(q);
	q_lock(q);
	q_unlock(q);
	int rc = wait_ev(-1);
// CHECK: thread-safety-macros.c:[[@LINE-1]]:11: warning: '&q->other' is still held if 'wait_ev' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-macros.c:[[@LINE-5]]:2: note: '&q->other' acquired here by 'q_lock_other'
	if (rc < 0)
		return rc;
	q_unlock_other(q);
	return 0;
}
