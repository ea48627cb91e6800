/* A client of a message store and a network API whose roles come from
 * examples/.cancelcheck.yaml: suspending calls return -ECANCELED when the
 * task is cancelled. */
#include <errno.h>
#include <stdint.h>

struct store;
struct net;
struct msg;
struct permit;

struct msg *store_take(struct store *s);
void store_put(struct store *s, struct msg *m);
int net_recv(struct net *n, int64_t deadline);
int net_send(struct net *n, struct msg *m, int64_t deadline);
struct permit *net_reserve(struct net *n, int64_t deadline);
void permit_send(struct permit *p, struct msg *m);

/* Bug: a message taken from the store is not handed back when the wait
 * for the peer is cancelled. */
int relay(struct store *s, struct net *n)
{
	struct msg *m = store_take(s);
	if (!m)
		return -ENOENT;
	int rc = net_recv(n, -1);
	if (rc < 0)
		return rc;
	store_put(s, m);
	return 0;
}

/* Fixed: hand it back on every path. */
int relay_fixed(struct store *s, struct net *n)
{
	struct msg *m = store_take(s);
	if (!m)
		return -ENOENT;
	int rc = net_recv(n, -1);
	store_put(s, m);
	return rc < 0 ? rc : 0;
}

/* Bug: net_send drops the message if it is cancelled. */
int forward(struct store *s, struct net *n)
{
	struct msg *m = store_take(s);
	if (!m)
		return -ENOENT;
	return net_send(n, m, -1);
}

/* Fixed: reserve room first (cancellable, owns nothing yet), then send
 * without suspending. */
int forward_fixed(struct store *s, struct net *n)
{
	struct permit *p = net_reserve(n, -1);
	if (!p)
		return -ECANCELED;
	struct msg *m = store_take(s);
	if (!m) {
		permit_send(p, 0);
		return -ENOENT;
	}
	permit_send(p, m);
	return 0;
}
