// cco_close ends the operations in flight on the fd (they return -EBADF),
// waits until the kernel is done with them, and only then closes: a new fd
// that reuses the number is not touched by the old operations.
// RUN: env CCO_BACKEND=epoll %cco_bin/io_close_inflight
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/io_close_inflight %}
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

static int fds[2];
static ssize_t results[3];

static int64_t reader(void *arg)
{
	char buf[16];
	int i = (int)(intptr_t)arg;
	results[i] = cco_read(fds[0], buf, sizeof(buf), -1);
	return 0;
}

static int64_t main_co(void *arg)
{
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
	cco_scope *s = cco_scope_open();
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(cco_spawn(s, reader, (void *)(intptr_t)i, NULL), 0);
	EXPECT_EQ(cco_sleep(cco_now() + 2 * CCO_MSEC), 0);
	int old = fds[0];
	EXPECT_EQ(cco_close(fds[0]), 0);
	EXPECT_EQ(cco_scope_close(s, cco_now() + CCO_SEC), 0);
	for (int i = 0; i < 3; i++)
		EXPECT_EQ(results[i], -EBADF);
	/* the number comes back for a new socket; data for it stays its own */
	int again[2];
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, again), 0);
	EXPECT_EQ(again[0], old);
	EXPECT_EQ(write(again[1], "abc", 3), 3);
	char buf[4];
	EXPECT_EQ(cco_read(again[0], buf, sizeof(buf), cco_now() + CCO_SEC), 3);
	EXPECT_EQ(cco_close(again[0]), 0);
	EXPECT_EQ(cco_close(again[1]), 0);
	EXPECT_EQ(cco_close(fds[1]), 0);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	return 0;
}
