// cco_write_all reports exactly what it wrote when it is cancelled or its
// deadline passes mid-buffer: the peer can read precisely that many bytes,
// in order, and not one more.
// RUN: env CCO_BACKEND=epoll %cco_bin/io_write_all_progress
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/io_write_all_progress %}
#include <stdbool.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

enum { LEN = 1 << 20 };
static int fds[2];
static unsigned char *data;
static size_t progress;
static int rc;

static int64_t writer(void *arg)
{
	int64_t deadline = (int64_t)(intptr_t)arg;
	progress = (size_t)-1;
	rc = cco_write_all(fds[0], data, LEN, &progress, deadline);
	return 0;
}

/* Reads what the writer left in the socket: it must be data[0, progress). */
static void drain_and_check(void)
{
	static unsigned char buf[65536];
	size_t got = 0;
	for (;;) {
		ssize_t n = recv(fds[1], buf, sizeof(buf), MSG_DONTWAIT);
		if (n <= 0)
			break;
		EXPECT(got + (size_t)n <= progress);
		EXPECT(!memcmp(buf, data + got, (size_t)n));
		got += (size_t)n;
	}
	EXPECT_EQ(got, progress);
}

static void one(int64_t deadline, bool cancel, int want)
{
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
	cco_scope *s = cco_scope_open();
	cco_co *w;
	EXPECT_EQ(cco_spawn(s, writer, (void *)(intptr_t)deadline, &w), 0);
	EXPECT_EQ(cco_sleep(cco_now() + 5 * CCO_MSEC), 0);
	if (cancel)
		cco_cancel(w);
	EXPECT_EQ(cco_join(w, NULL, -1), 0);
	EXPECT_EQ(cco_scope_close(s, -1), 0);
	EXPECT_EQ(rc, want);
	/* some went out (the socket buffer), not all (nobody read) */
	EXPECT(progress > 0 && progress < LEN);
	drain_and_check();
	EXPECT_EQ(cco_close(fds[0]), 0);
	EXPECT_EQ(cco_close(fds[1]), 0);
}

static int64_t main_co(void *arg)
{
	data = malloc(LEN);
	for (size_t i = 0; i < LEN; i++)
		data[i] = (unsigned char)(i * 7 + (i >> 11));
	one(-1, true, -ECANCELED);
	one(cco_now() + 3 * CCO_MSEC, false, -ETIMEDOUT);
	free(data);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	return 0;
}
