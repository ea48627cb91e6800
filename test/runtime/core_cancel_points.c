// Cancellation reaches every suspending call of the core and of I/O: each
// returns -ECANCELED, and after that every suspending call returns
// -ECANCELED at once, even one that could complete.
// RUN: env CCO_BACKEND=epoll %cco_bin/core_cancel_points
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/core_cancel_points %}
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

enum { SLEEP, JOIN, SCOPE_CLOSE, READ, WRITE, RECV, SEND, ACCEPT, CONNECT, NPOINTS };
static const char *names[] = { "sleep", "join", "scope_close", "read", "write",
			       "recv", "send", "accept", "connect" };

static int fds[2];		/* socketpair: [0] is the victim's end */
static int pipefd[2];
static int lfd, full_lfd;
static struct sockaddr_in full_addr;
static int reached;		/* the victim is about to suspend */
static int child_cancelled;

static cco_scope *side;		/* not the victim's: its cancel does not reach it */
static int stubborn_done;

/* Ignores cancellation for a while: a cancelled close must wait for it. */
static int64_t stubborn(void *arg)
{
	cco_shield_begin();
	EXPECT_EQ(cco_sleep(cco_now() + 20 * CCO_MSEC), 0);
	cco_shield_end();
	stubborn_done = 1;
	return 0;
}

static int64_t forever(void *arg)
{
	int rc = cco_sleep(-1);
	if (rc == -ECANCELED)
		child_cancelled++;
	return rc;
}

static void fill(int fd)
{
	static char junk[65536];
	while (send(fd, junk, sizeof(junk), MSG_DONTWAIT) > 0)
		;
}

static int64_t victim(void *arg)
{
	int point = (int)(intptr_t)arg;
	char buf[64];
	int64_t rc = 0;
	reached = 1;
	switch (point) {
	case SLEEP:
		rc = cco_sleep(-1);
		break;
	case JOIN: {
		cco_co *c;
		EXPECT_EQ(cco_spawn(side, forever, NULL, &c), 0);
		rc = cco_join(c, NULL, -1);
		cco_cancel(c);	/* the handle is still valid after a cancelled join */
		break;
	}
	case SCOPE_CLOSE: {
		cco_scope *s = cco_scope_open();
		EXPECT_EQ(cco_spawn(s, forever, NULL, NULL), 0);
		EXPECT_EQ(cco_spawn(s, stubborn, NULL, NULL), 0);
		rc = cco_scope_close(s, -1);
		/* closed all the same: it waited for the shielded child */
		EXPECT(stubborn_done);
		break;
	}
	case READ:
		rc = cco_read(pipefd[0], buf, sizeof(buf), -1);
		break;
	case WRITE:
		fill(fds[0]);
		rc = cco_write(fds[0], buf, sizeof(buf), -1);
		break;
	case RECV:
		rc = cco_recv(fds[0], buf, sizeof(buf), 0, -1);
		break;
	case SEND:
		fill(fds[0]);
		rc = cco_send(fds[0], buf, sizeof(buf), 0, -1);
		break;
	case ACCEPT:
		rc = cco_accept(lfd, NULL, NULL, -1);
		break;
	case CONNECT: {
		/* the listener's backlog is full: the handshake never ends */
		int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		rc = cco_connect(s, (struct sockaddr *)&full_addr, sizeof(full_addr), -1);
		EXPECT_EQ(cco_close(s), 0);
		break;
	}
	}
	if (rc != -ECANCELED) {
		fprintf(stderr, "%s: got %lld\n", names[point], (long long)rc);
		exit(1);
	}
	/* sticky: everything now returns -ECANCELED at once, even a read
	 * that has data waiting and a yield */
	EXPECT(cco_cancelled());
	EXPECT_EQ(write(pipefd[1], "x", 1), 1);
	EXPECT_EQ(cco_read(pipefd[0], buf, 1, -1), -ECANCELED);
	EXPECT_EQ(cco_yield(), -ECANCELED);
	EXPECT_EQ(cco_sleep(cco_now() + CCO_SEC), -ECANCELED);
	EXPECT_EQ(read(pipefd[0], buf, 1), 1);
	return rc;
}

static int listener(int backlog, struct sockaddr_in *a)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	EXPECT_EQ(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
	EXPECT_EQ(listen(s, backlog), 0);
	socklen_t len = sizeof(*a);
	EXPECT_EQ(getsockname(s, (struct sockaddr *)a, &len), 0);
	return s;
}

static int64_t main_co(void *arg)
{
	struct sockaddr_in a;
	lfd = listener(16, &a);
	full_lfd = listener(0, &full_addr);
	/* fill the backlog-0 listener's queue so the next connect hangs */
	int fillers[4];
	for (int i = 0; i < 4; i++) {
		fillers[i] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		connect(fillers[i], (struct sockaddr *)&full_addr, sizeof(full_addr));
	}
	usleep(50000);
	side = cco_scope_open();
	for (int p = 0; p < NPOINTS; p++) {
		EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
		EXPECT_EQ(pipe2(pipefd, O_CLOEXEC), 0);
		cco_scope *s = cco_scope_open();
		cco_co *v;
		reached = 0;
		EXPECT_EQ(cco_spawn(s, victim, (void *)(intptr_t)p, &v), 0);
		/* let it suspend, and the kernel take its operation */
		for (int i = 0; i < 5; i++)
			EXPECT_EQ(cco_yield(), 0);
		EXPECT(reached);
		EXPECT_EQ(cco_sleep(cco_now() + 2 * CCO_MSEC), 0);
		cco_cancel(v);
		struct cco_exit e;
		EXPECT_EQ(cco_join(v, &e, cco_now() + 5 * CCO_SEC), 0);
		EXPECT_EQ(e.how, CCO_CANCELLED);
		EXPECT_EQ(cco_scope_close(s, -1), 0);
		EXPECT_EQ(cco_close(fds[0]), 0);
		EXPECT_EQ(cco_close(fds[1]), 0);
		EXPECT_EQ(cco_close(pipefd[0]), 0);
		EXPECT_EQ(cco_close(pipefd[1]), 0);
	}
	EXPECT_EQ(cco_scope_close(side, -1), 0);
	EXPECT_EQ(child_cancelled, 2);	/* JOIN's and SCOPE_CLOSE's children */
	for (int i = 0; i < 4; i++)
		close(fillers[i]);
	EXPECT_EQ(cco_close(lfd), 0);
	EXPECT_EQ(cco_close(full_lfd), 0);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	return 0;
}
