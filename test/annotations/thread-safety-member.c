// Clang's thread-safety attributes mark guards as they are. A capability
// named by a member expression over a parameter, acquire_capability(q->mu),
// is the guard '&q->mu' at each call site, whatever the caller passed as q.
// These locks block the thread: suspend-holding-lock reports each one held at
// a suspend too (test/checks/suspend-holding-lock/); here only the
// cancel-held-guard side is under test.
// RUN: not %cancelcheck --checks=-suspend-holding-lock %s -- -I%annotations -Wthread-safety | FileCheck %s --implicit-check-not='warning:'
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct __attribute__((capability("mutex"))) mutex { int opaque; };
struct queue { struct mutex mu; int len; };
struct server { struct queue q; struct { struct mutex mu; } stats; };

void q_lock(struct queue *q) __attribute__((acquire_capability(q->mu)));
void q_unlock(struct queue *q) __attribute__((release_capability(q->mu)));
void q_rdlock(struct queue *q) __attribute__((acquire_shared_capability(q->mu)));
void q_rdunlock(struct queue *q) __attribute__((release_shared_capability(q->mu)));
void stats_lock(struct server *s) __attribute__((acquire_capability(s->stats.mu)));
void stats_unlock(struct server *s) __attribute__((release_capability(s->stats.mu)));
void mutex_unlock(struct mutex *m) __attribute__((release_capability(m)));
int q_wait(struct queue *q, int64_t deadline) CCK_SUSPENDS_RETURNS;

int pop_bad_1(struct queue *q)
{
	q_lock(q);
	int rc = q_wait(q, -1);
// CHECK: thread-safety-member.c:[[@LINE-1]]:11: warning: '&q->mu' is still held if 'q_wait' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-member.c:[[@LINE-3]]:2: note: '&q->mu' acquired here by 'q_lock'
	if (rc < 0)
		return rc;
	q_unlock(q);
	return 0;
}

int pop_good_1(struct queue *q)
{
	q_lock(q);
	int rc = q_wait(q, -1);
	if (rc < 0) {
		q_unlock(q);
		return rc;
	}
	q_unlock(q);
	return 0;
}

// The key is rebuilt from the caller's argument: '&s->q.mu'.
int pop_bad_2(struct server *s)
{
	q_lock(&s->q);
	int rc = q_wait(&s->q, -1);
// CHECK: thread-safety-member.c:[[@LINE-1]]:11: warning: '&s->q.mu' is still held if 'q_wait' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-member.c:[[@LINE-3]]:2: note: '&s->q.mu' acquired here by 'q_lock'
	if (rc < 0)
		return rc;
	q_unlock(&s->q);
	return 0;
}

// Released through the mutex itself: the same guard, '&s->q.mu'.
int pop_good_2(struct server *s)
{
	q_lock(&s->q);
	int rc = q_wait(&s->q, -1);
	mutex_unlock(&s->q.mu);
	return rc;
}

// Releasing another queue's lock does not release this one.
int pop_bad_3(struct queue *a, struct queue *b)
{
	q_lock(a);
	int rc = q_wait(a, -1);
// CHECK: thread-safety-member.c:[[@LINE-1]]:11: warning: '&a->mu' is still held if 'q_wait' is cancelled here [cancel-held-guard]
	if (rc < 0) {
		q_unlock(b);
		return rc;
	}
	q_unlock(a);
	return 0;
}

// Shared (reader) capabilities are guards too.
int peek_bad_4(struct queue *q)
{
	q_rdlock(q);
	int rc = q_wait(q, -1);
// CHECK: thread-safety-member.c:[[@LINE-1]]:11: warning: '&q->mu' is still held if 'q_wait' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-member.c:[[@LINE-3]]:2: note: '&q->mu' acquired here by 'q_rdlock'
	if (rc < 0)
		return rc;
	q_rdunlock(q);
	return 0;
}

int peek_good_4(struct queue *q)
{
	q_rdlock(q);
	int rc = q_wait(q, -1);
	q_rdunlock(q);
	return rc;
}

// A nested member path.
int count_bad_5(struct server *s)
{
	stats_lock(s);
	int rc = q_wait(&s->q, -1);
// CHECK: thread-safety-member.c:[[@LINE-1]]:11: warning: '&s->stats.mu' is still held if 'q_wait' is cancelled here [cancel-held-guard]
	if (rc < 0)
		return rc;
	stats_unlock(s);
	return 0;
}

int count_good_5(struct server *s)
{
	stats_lock(s);
	int rc = q_wait(&s->q, -1);
	stats_unlock(s);
	return rc;
}
