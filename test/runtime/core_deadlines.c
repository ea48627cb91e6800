// Deadlines: every suspending call returns -ETIMEDOUT once its deadline
// passes (and at once for a deadline already past), and nothing was done.
// RUN: env CCO_BACKEND=epoll %cco_bin/core_deadlines
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/core_deadlines %}
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

static int64_t forever(void *arg)
{
	return cco_sleep(-1);
}

static int64_t main_co(void *arg)
{
	int fds[2];
	char buf[16];
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);

	int64_t t0 = cco_now();
	EXPECT_EQ(cco_read(fds[0], buf, sizeof(buf), t0 + 10 * CCO_MSEC), -ETIMEDOUT);
	int64_t waited = cco_now() - t0;
	EXPECT(waited >= 10 * CCO_MSEC);
	EXPECT(waited < 2 * CCO_SEC);
	EXPECT_EQ(cco_recv(fds[0], buf, sizeof(buf), 0, cco_now() + CCO_MSEC), -ETIMEDOUT);
	/* a deadline already past: at once, even with data waiting */
	EXPECT_EQ(write(fds[1], "abc", 3), 3);
	EXPECT_EQ(cco_read(fds[0], buf, sizeof(buf), cco_now() - 1), -ETIMEDOUT);
	/* and the data is still there */
	EXPECT_EQ(cco_read(fds[0], buf, sizeof(buf), -1), 3);
	EXPECT(!memcmp(buf, "abc", 3));

	cco_scope *s = cco_scope_open();
	cco_co *c;
	EXPECT_EQ(cco_spawn(s, forever, NULL, &c), 0);
	EXPECT_EQ(cco_join(c, NULL, cco_now() + CCO_MSEC), -ETIMEDOUT);
	/* a close whose deadline passes cancels what is left, closes anyway */
	EXPECT_EQ(cco_scope_close(s, cco_now() + CCO_MSEC), -ETIMEDOUT);
	/* the timed-out coroutine is not cancelled: it goes on */
	EXPECT(!cco_cancelled());
	EXPECT_EQ(cco_sleep(cco_now() + CCO_MSEC), 0);

	/* deadlines of many coroutines fire in order */
	EXPECT_EQ(cco_close(fds[0]), 0);
	EXPECT_EQ(cco_close(fds[1]), 0);
	return 0;
}

static int order[5], norder;

static int64_t timed(void *arg)
{
	int ms = (int)(intptr_t)arg;
	EXPECT_EQ(cco_sleep(cco_now() + ms * CCO_MSEC), 0);
	order[norder++] = ms;
	return 0;
}

static int64_t order_co(void *arg)
{
	cco_scope *s = cco_scope_open();
	int ms[] = { 40, 10, 30, 5, 20 };
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(cco_spawn(s, timed, (void *)(intptr_t)ms[i], NULL), 0);
	EXPECT_EQ(cco_scope_close(s, -1), 0);
	int want[] = { 5, 10, 20, 30, 40 };
	for (int i = 0; i < 5; i++)
		EXPECT_EQ(order[i], want[i]);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	EXPECT_EQ(rt_run(order_co, NULL), 0);
	return 0;
}
