/* A client of a cooperative (returns-model) key-value API described with
 * cancelcheck's annotations: suspending calls return -ECANCELED when the
 * coroutine is cancelled, and the caller's own code runs on that branch. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "cancelcheck/annotations.h"

struct kv;
struct lock;
struct msg;

int kv_get(struct kv *kv, const char *key, char **out, int64_t deadline)
	CCK_SUSPENDS_RETURNS;
void lock_take(struct lock *l) __attribute__((acquire_capability(l)));
void lock_give(struct lock *l) __attribute__((release_capability(l)));
struct msg *inbox_take(struct kv *kv) CCK_RETURNS_OWNED;
void inbox_put_back(struct kv *kv, struct msg *m) CCK_TAKES(2);
int outbox_send(struct kv *kv, struct msg *m, int64_t deadline)
	CCK_SUSPENDS_RETURNS CCK_CONSUMES_ON_CANCEL(2);

/* Bug: the cancel branch returns with the lock still held. */
int refresh(struct kv *kv, struct lock *l, char **val)
{
	lock_take(l);
	int rc = kv_get(kv, "config", val, -1);
	if (rc < 0)
		return rc;
	lock_give(l);
	return 0;
}

/* Fixed: unlock on every path first. */
int refresh_fixed(struct kv *kv, struct lock *l, char **val)
{
	lock_take(l);
	int rc = kv_get(kv, "config", val, -1);
	lock_give(l);
	return rc < 0 ? rc : 0;
}

/* Bug: a message taken from the inbox is lost if the lookup is cancelled. */
int forward(struct kv *kv, char **val)
{
	struct msg *m = inbox_take(kv);
	int rc = kv_get(kv, "route", val, -1);
	if (rc == -ECANCELED)
		return rc;
	inbox_put_back(kv, m);
	return rc;
}

/* Bug: outbox_send drops its message when cancelled. */
int publish(struct kv *kv)
{
	struct msg *m = inbox_take(kv);
	return outbox_send(kv, m, -1);
}
