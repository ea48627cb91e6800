// A cancel-unsafe send (CCK_CONSUMES_ON_CANCEL) takes the message and drops
// it if cancelled. The cancel-safe form reserves a slot first (that call
// suspends but owns nothing of ours) and then sends without suspending.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct msg;
struct store;
struct chan;
struct permit;
struct msg *store_take(struct store *s) CCK_RETURNS_OWNED;
void store_put(struct msg *m, struct store *s) CCK_TAKES(1);
int chan_send(struct chan *c, struct msg *m, int64_t deadline)
	CCK_SUSPENDS_RETURNS CCK_CONSUMES_ON_CANCEL(2);
int chan_reserve(struct chan *c, struct permit **p, int64_t deadline) CCK_SUSPENDS_RETURNS;
void permit_send(struct permit *p, struct msg *m) CCK_CONSUMES(2);

// A timed-out send loses the message.
int push_bad_1(struct store *s, struct chan *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	return chan_send(c, m, 1000);
}

// Handing the message back after a failed send cannot help: the send
// already took it.
int push_bad_2(struct store *s, struct chan *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	int rc = chan_send(c, m, -1);
	if (rc < 0) {
		store_put(m, s);
		return rc;
	}
	return 0;
}

// Reserve, then send with the permit: the only suspend point owns nothing,
// and the send that takes the message does not suspend.
int push_good_1(struct store *s, struct chan *c)
{
	struct permit *p;
	int rc = chan_reserve(c, &p, 1000);
	if (rc < 0)
		return rc;
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	permit_send(p, m);
	return 0;
}

// Taking the message before reserving is fine too, when the cancel branch
// of the reserve hands it back.
int push_good_2(struct store *s, struct chan *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	struct permit *p;
	int rc = chan_reserve(c, &p, 1000);
	if (rc < 0) {
		store_put(m, s);
		return rc;
	}
	permit_send(p, m);
	return 0;
}

// ...and a finding when it does not.
int push_bad_3(struct store *s, struct chan *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	struct permit *p;
	int rc = chan_reserve(c, &p, 1000);
	if (rc < 0)
		return rc;
	permit_send(p, m);
	return 0;
}

// A wrapper that passes its parameter to the send is itself a cancel-unsafe
// send: the finding goes to the caller that owns the message.
static int relay(struct chan *c, struct msg *m)
{
	return chan_send(c, m, -1);
}

int push_bad_4(struct store *s, struct chan *c)
{
	struct msg *m = store_take(s);
	if (!m)
		return -EAGAIN;
	return relay(c, m);
}
