// The cancel/complete race: a read that completes in the same loop
// iteration as its cancellation returns its data (nothing read is lost),
// and a read really cancelled leaves the data in the socket. Either way,
// no byte written is missing, and no late completion writes into the
// buffer after the call returned (canary-checked).
// RUN: env CCO_BACKEND=epoll %cco_bin/io_cancel_race
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/io_cancel_race %}
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

enum { LEN = 256, ROUNDS = 300 };
static int fds[2];
static unsigned char *buf;	/* canary | LEN | canary */
static ssize_t got;

static void paint(void)
{
	memset(buf, 0xA5, LEN + 64);
}

static void check_paint(size_t from)
{
	for (size_t i = from; i < LEN + 64; i++)
		if (buf[i] != 0xA5) {
			fprintf(stderr, "byte %zu written after the call returned\n", i);
			exit(1);
		}
}

static int64_t reader(void *arg)
{
	got = cco_read(fds[0], buf + 32, LEN, -1);
	return 0;
}

static int64_t main_co(void *arg)
{
	buf = malloc(LEN + 64);
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
	int completed = 0, cancelled = 0;
	unsigned char msg[LEN], rest[LEN];
	for (int r = 0; r < ROUNDS; r++) {
		memset(msg, r & 0xff, sizeof(msg));
		paint();
		/* vary where in the reader's life the data and the cancel land:
		 * before it ran; while it waits; after the data woke it; and
		 * (mode 4) data already there when the read is submitted, the
		 * cancel queued right behind it: on io_uring the read completes
		 * in the same submission that carries its cancel */
		int mode = r % 5;
		if (mode == 4)
			EXPECT_EQ(write(fds[1], msg, sizeof(msg)), (ssize_t)sizeof(msg));
		cco_scope *s = cco_scope_open();
		cco_co *c;
		EXPECT_EQ(cco_spawn(s, reader, NULL, &c), 0);
		for (int i = 0; i < (mode == 4 ? 1 : mode ? 2 : 0); i++)
			EXPECT_EQ(cco_yield(), 0);
		if (mode != 4)
			EXPECT_EQ(write(fds[1], msg, sizeof(msg)), (ssize_t)sizeof(msg));
		for (int i = 0; i < (mode == 3 ? 2 : 0); i++)
			EXPECT_EQ(cco_yield(), 0);
		cco_cancel(c);
		EXPECT_EQ(cco_join(c, NULL, -1), 0);
		EXPECT_EQ(cco_scope_close(s, -1), 0);
		size_t have = 0;
		if (mode == 4)	/* completed despite the cancel: the data is back */
			EXPECT_EQ(got, LEN);
		if (got >= 0) {
			completed++;
			EXPECT(got > 0);
			EXPECT(!memcmp(buf + 32, msg, (size_t)got));
			have = (size_t)got;
		} else {
			EXPECT_EQ(got, -ECANCELED);
			cancelled++;
		}
		check_paint(32 + have);
		/* a little later: still nothing written behind our back */
		paint();
		EXPECT_EQ(cco_yield(), 0);
		EXPECT_EQ(cco_sleep(cco_now() + 100 * CCO_USEC), 0);
		check_paint(0);
		/* the rest of the message is still in the socket */
		size_t want = sizeof(msg) - have;
		while (want) {
			ssize_t n = cco_read(fds[0], rest, want, cco_now() + CCO_SEC);
			EXPECT(n > 0);
			EXPECT(!memcmp(rest, msg, (size_t)n));
			want -= (size_t)n;
		}
	}
	/* the race resolved both ways over the rounds */
	fprintf(stderr, "completed %d, cancelled %d\n", completed, cancelled);
	EXPECT(completed > 0);
	EXPECT(cancelled > 0);
	EXPECT_EQ(completed + cancelled, ROUNDS);
	EXPECT_EQ(cco_close(fds[0]), 0);
	EXPECT_EQ(cco_close(fds[1]), 0);
	free(buf);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	return 0;
}
