// A helper that consumes its parameter after a cancellation point is
// cancel-unsafe only if one of its cancel paths leaves without consuming
// it. One that hands the value back on its own cancel branch (and consumes
// it on every other path) is a plain consumer: calling it is a hand-over.
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct msg;
struct store;
struct msg *take(struct store *s) CCK_RETURNS_OWNED;
void put_back(struct store *s, struct msg *m) CCK_TAKES(2);
void ack(struct store *s, struct msg *m) CCK_TAKES(2);
int net_write(int fd, const struct msg *m, int64_t deadline) CCK_SUSPENDS_RETURNS CCK_BORROWS;

static int send_hands_back(struct store *s, int fd, struct msg *m)
{
	int rc = net_write(fd, m, -1);
	if (rc < 0) {
		put_back(s, m);
		return rc;
	}
	ack(s, m);
	return 0;
}

static int send_drops(struct store *s, int fd, struct msg *m)
{
	int rc = net_write(fd, m, -1);
	if (rc < 0)
		return rc;
	ack(s, m);
	return 0;
}

/* consumed before its cancellation point on the path that consumes it */
static int log_then_wait(struct store *s, int fd, struct msg *m, int first)
{
	if (first)
		ack(s, m);
	return net_write(fd, NULL, -1);
}

int relay_good(struct store *s, int fd)
{
	struct msg *m = take(s);
	if (!m)
		return -ENOENT;
	return send_hands_back(s, fd, m);
}

int relay_bad(struct store *s, int fd)
{
	struct msg *m = take(s);
	if (!m)
		return -ENOENT;
	return send_drops(s, fd, m);
}

int relay_conditional(struct store *s, int fd)
{
	struct msg *m = take(s);
	if (!m)
		return -ENOENT;
	return log_then_wait(s, fd, m, 1);
}
