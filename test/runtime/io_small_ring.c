// A submission queue far smaller than the work: 200 reads in flight on a
// 4-entry ring (submitted in batches as the queue fills), then all of them
// cancelled at once, more cancel requests than the queue holds: none is
// dropped (they wait for room), every reader returns -ECANCELED, none
// hangs, and data written before the cancel is not lost.
// RUN: env CCO_BACKEND=epoll %cco_bin/io_small_ring
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/io_small_ring %}
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

enum { N = 200 };
static int fds[N][2];
static ssize_t got[N];
static char bufs[N][8];

static int64_t reader(void *arg)
{
	int i = (int)(intptr_t)arg;
	got[i] = cco_read(fds[i][0], bufs[i], sizeof(bufs[i]), -1);
	return 0;
}

static int64_t main_co(void *arg)
{
	for (int i = 0; i < N; i++)
		EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds[i]), 0);
	cco_scope *s = cco_scope_open();
	for (int i = 0; i < N; i++)
		EXPECT_EQ(cco_spawn(s, reader, (void *)(intptr_t)i, NULL), 0);
	EXPECT_EQ(cco_sleep(cco_now() + 5 * CCO_MSEC), 0);
	/* every tenth has data by now: those reads complete */
	for (int i = 0; i < N; i += 10)
		EXPECT_EQ(write(fds[i][1], "data", 4), 4);
	EXPECT_EQ(cco_sleep(cco_now() + 5 * CCO_MSEC), 0);
	cco_scope_cancel(s);
	EXPECT_EQ(cco_scope_close(s, cco_now() + 10 * CCO_SEC), 0);
	for (int i = 0; i < N; i++) {
		if (i % 10 == 0) {
			EXPECT_EQ(got[i], 4);
			EXPECT(!memcmp(bufs[i], "data", 4));
		} else {
			EXPECT_EQ(got[i], -ECANCELED);
		}
		EXPECT_EQ(cco_close(fds[i][0]), 0);
		EXPECT_EQ(cco_close(fds[i][1]), 0);
	}
	return 0;
}

int main(void)
{
	struct cco_opts o = { .ring_entries = 4 };
	EXPECT_EQ(rt_run_with(main_co, NULL, &o), 0);
	return 0;
}
