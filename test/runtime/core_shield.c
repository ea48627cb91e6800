// A shield defers cancellation: calls inside it complete; deadlines still
// apply; the first suspending call after the shield returns -ECANCELED.
// Shields nest.
// RUN: env CCO_BACKEND=epoll %cco_bin/core_shield
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/core_shield %}
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

static int fds[2];

static int64_t victim(void *arg)
{
	char buf[8];
	cco_shield_begin();
	cco_shield_begin();
	/* cancelled during this sleep: it still sleeps to the end */
	EXPECT_EQ(cco_sleep(cco_now() + 20 * CCO_MSEC), 0);
	EXPECT(cco_cancelled());
	cco_shield_end();
	/* still shielded (nested): I/O completes, and a deadline still works */
	EXPECT_EQ(cco_read(fds[0], buf, sizeof(buf), cco_now() + 5 * CCO_MSEC), -ETIMEDOUT);
	EXPECT_EQ(write(fds[1], "hi", 2), 2);
	EXPECT_EQ(cco_read(fds[0], buf, sizeof(buf), -1), 2);
	cco_shield_end();
	EXPECT_EQ(cco_yield(), -ECANCELED);
	return 0;
}

static int64_t main_co(void *arg)
{
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
	cco_scope *s = cco_scope_open();
	cco_co *v;
	EXPECT_EQ(cco_spawn(s, victim, NULL, &v), 0);
	EXPECT_EQ(cco_sleep(cco_now() + 2 * CCO_MSEC), 0);
	int64_t t0 = cco_now();
	cco_cancel(v);
	struct cco_exit e;
	EXPECT_EQ(cco_join(v, &e, -1), 0);
	EXPECT_EQ(e.value, 0);
	EXPECT(cco_now() - t0 >= 15 * CCO_MSEC);
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
