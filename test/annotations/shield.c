// CCK_SHIELD_BEGIN/CCK_SHIELD_END: cancellation is deferred between the two
// calls, so suspend points inside have no cancel edge. After the end, the
// next suspend point can be cancelled again.
// RUN: not %cancelcheck %s -- -I%annotations | FileCheck %s --implicit-check-not='warning:'
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
struct msg;
struct chan;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
struct msg *msg_new(void) CCK_RETURNS_OWNED;
void msg_free(struct msg *m) CCK_TAKES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;
int chan_send(struct chan *c, struct msg *m, int64_t deadline)
	CCK_SUSPENDS_RETURNS CCK_CONSUMES_ON_CANCEL(2);
void shield_begin(void) CCK_SHIELD_BEGIN;
void shield_end(void) CCK_SHIELD_END;

int commit_good_1(struct mu *m)
{
	mu_lock(m);
	shield_begin();
	int rc = ev_wait(-1);
	shield_end();
	if (rc < 0)
		return rc;	/* an error, not a cancellation: the shield deferred it */
	mu_unlock(m);
	return 0;
}

// The second wait is outside the shield.
int commit_bad_1(struct mu *m)
{
	mu_lock(m);
	shield_begin();
	int rc = ev_wait(-1);
	shield_end();
	if (rc < 0)
		return rc;
	rc = ev_wait(-1);
// CHECK: shield.c:[[@LINE-1]]:7: warning: 'm' is still held if 'ev_wait' is cancelled here [cancel-held-guard]
// CHECK: shield.c:[[@LINE-8]]:2: note: 'm' acquired here by 'mu_lock'
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// A wait before the shield begins is not covered.
int commit_bad_2(void)
{
	struct msg *x = msg_new();
	if (!x)
		return -ENOMEM;
	int rc = ev_wait(-1);
// CHECK: shield.c:[[@LINE-1]]:11: warning: 'x' is leaked if 'ev_wait' is cancelled here [cancel-lost-value]
	if (rc < 0)
		return rc;
	shield_begin();
	rc = ev_wait(-1);
	shield_end();
	msg_free(x);
	return rc;
}

// A cancel-unsafe send inside a shield cannot be cancelled, so it cannot
// lose the message.
int flush_good_3(struct chan *c)
{
	struct msg *x = msg_new();
	if (!x)
		return -ENOMEM;
	shield_begin();
	int rc = chan_send(c, x, -1);
	shield_end();
	return rc;
}

int flush_bad_3(struct chan *c)
{
	struct msg *x = msg_new();
	if (!x)
		return -ENOMEM;
	return chan_send(c, x, -1);
// CHECK: shield.c:[[@LINE-1]]:9: warning: 'x' is lost if 'chan_send' is cancelled: it takes ownership and drops the value on cancellation [cancel-lost-value]
}

// Shielded on one path only: after the join the wait is not shielded.
int commit_bad_4(struct mu *m, int careful)
{
	mu_lock(m);
	if (careful)
		shield_begin();
	int rc = ev_wait(-1);
// CHECK: shield.c:[[@LINE-1]]:11: warning: 'm' is still held if 'ev_wait' is cancelled here [cancel-held-guard]
	if (careful)
		shield_end();
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}
