// CCK_SHIELD_BEGIN/CCK_SHIELD_END: cancellation is deferred between the two
// calls, so suspend points inside have no cancel edge. After the end, the
// next suspend point can be cancelled again.
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
}

// Shielded on one path only: after the join the wait is not shielded.
int commit_bad_4(struct mu *m, int careful)
{
	mu_lock(m);
	if (careful)
		shield_begin();
	int rc = ev_wait(-1);
	if (careful)
		shield_end();
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}
