// A coroutine cancelled while it is ready to run (an edge already
// scheduled it) does not wait again: its retry after a stale edge returns
// -ECANCELED instead of waiting for the next one.
// RUN: env CCO_BACKEND=epoll %cco_bin/io_cancel_while_ready
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/io_cancel_while_ready %}
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

static int fds[2];

static int64_t reader(void *arg)
{
	char c;
	return cco_read(fds[0], &c, 1, -1);
}

static int64_t main_co(void *arg)
{
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
	cco_scope *s = cco_scope_open();
	cco_co *r;
	char c;
	EXPECT_EQ(cco_spawn(s, reader, NULL, &r), 0);
	EXPECT_EQ(cco_yield(), 0);		/* the reader waits on fds[0] */
	EXPECT_EQ(write(fds[1], "x", 1), 1);
	EXPECT_EQ(cco_yield(), 0);		/* ... and the data makes it ready */
	cco_cancel(r);
	/* take the byte away: on epoll the reader's retry finds EAGAIN */
	ssize_t took = recv(fds[0], &c, 1, MSG_DONTWAIT);
	struct cco_exit e;
	EXPECT_EQ(cco_join(r, &e, cco_now() + 2 * CCO_SEC), 0);
	/* either it read the byte first (io_uring completes the read when the
	 * data arrives) or the cancellation stopped it */
	if (took == 1)
		EXPECT_EQ(e.value, -ECANCELED);
	else
		EXPECT_EQ(e.value, 1);

	EXPECT_EQ(cco_scope_close(s, -1), 0);
	EXPECT_EQ(cco_close(fds[0]), 0);
	EXPECT_EQ(cco_close(fds[1]), 0);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	return 0;
}
