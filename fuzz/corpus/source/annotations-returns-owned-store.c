// A message taken from a store is owned (CCK_RETURNS_OWNED): on the cancel
// branch it must be handed back (CCK_TAKES), freed, or returned to the caller.
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct msg;
struct store;
struct conn;
struct msg *store_take(struct store *s) CCK_RETURNS_OWNED;
void store_put(struct msg *m, struct store *s) CCK_TAKES(1);
void msg_free(struct msg *m) CCK_TAKES(1);
int conn_write(struct conn *c, const struct msg *m, int64_t deadline) CCK_SUSPENDS_RETURNS;

// Cancelled mid-write: the message is neither written nor back in the store.
int forward_bad_1(struct store *s, struct conn *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	int rc = conn_write(c, m, -1);
	if (rc < 0)
		return rc;
	msg_free(m);
	return 0;
}

// Handed back to the store on cancellation: the next taker gets it.
int forward_good_1(struct store *s, struct conn *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	int rc = conn_write(c, m, -1);
	if (rc < 0) {
		store_put(m, s);
		return rc;
	}
	msg_free(m);
	return 0;
}

// Returning the owned value to the caller hands it over.
struct msg *forward_good_2(struct store *s, struct conn *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return NULL;
	if (conn_write(c, m, -1) < 0)
		return m;
	msg_free(m);
	return NULL;
}

// Storing it through an out-parameter hands it over too.
int forward_good_3(struct store *s, struct conn *c, struct msg **left)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	int rc = conn_write(c, m, -1);
	if (rc < 0) {
		*left = m;
		return rc;
	}
	msg_free(m);
	return 0;
}

// An empty store gives nothing to lose: the NULL branch owns nothing.
int forward_good_4(struct store *s, struct conn *c)
{
	struct msg *m = store_take(s);
	if (m) {
		store_put(m, s);
		return 0;
	}
	return conn_write(c, NULL, -1);
}

// Two messages, only one handed back on the cancel branch.
int forward_bad_5(struct store *s, struct conn *c)
{
	struct msg *a = store_take(s);
	if (!a)
		return -EAGAIN;
	struct msg *b = store_take(s);
	if (!b) {
		store_put(a, s);
		return -EAGAIN;
	}
	int rc = conn_write(c, a, -1);
	if (rc < 0) {
		store_put(a, s);
		return rc;
	}
	msg_free(a);
	msg_free(b);
	return 0;
}

// Taken after the suspend point: nothing is owned at it.
int forward_good_6(struct store *s, struct conn *c)
{
	int rc = conn_write(c, NULL, -1);
	if (rc < 0)
		return rc;
	struct msg *m = store_take(s);
	if (m)
		msg_free(m);
	return 0;
}
