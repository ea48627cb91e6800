// A suspending call that returns an owned value (an accepted connection, a
// send permit) produces nothing when it is cancelled: -ECANCELED for an int
// result, NULL for a pointer. Only later suspend points can lose the value.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct chan;
struct permit;
struct msg;
int srv_accept(int lfd, int64_t deadline) CCK_SUSPENDS_RETURNS CCK_RETURNS_OWNED_IF(nonneg);
void fd_close(int fd) CCK_CONSUMES(1);
struct permit *chan_reserve(struct chan *c, int64_t deadline) CCK_SUSPENDS_RETURNS CCK_RETURNS_OWNED;
void permit_drop(struct permit *p) CCK_TAKES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

int serve_good_1(int lfd)
{
	int fd = srv_accept(lfd, -1);
	if (fd < 0)
		return fd;
	fd_close(fd);
	return 0;
}

int serve_bad_2(int lfd)
{
	int fd = srv_accept(lfd, -1);
	if (fd < 0)
		return fd;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	fd_close(fd);
	return 0;
}

int reserve_good_3(struct chan *c)
{
	struct permit *p = chan_reserve(c, -1);
	if (!p)
		return -ECANCELED;
	permit_drop(p);
	return 0;
}

int reserve_bad_4(struct chan *c)
{
	struct permit *p = chan_reserve(c, -1);
	if (!p)
		return -ECANCELED;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	permit_drop(p);
	return 0;
}
