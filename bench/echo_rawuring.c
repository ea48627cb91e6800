/* TCP echo server as a hand-written single-threaded liburing event loop:
 * the bar cco's echo server is held to in the runtime benchmark
 * (bench/run_runtime.sh), so it does what cco does and no more.
 *
 * Usage: echo_rawuring PORT
 * Listens on 127.0.0.1:PORT, prints "ready" on stdout once listening, and
 * echoes every byte back until SIGTERM or SIGINT (exit 0). Exits 77 if the
 * kernel refuses io_uring, so that the harness reports "skipped".
 *
 * One ring, one thread. A connection has exactly one operation in flight:
 * recv into its own buffer, then send of what came in (again for the rest
 * of a short send), then recv again. Accept is re-armed after each
 * completion. SQEs prepared while handling a batch of completions go to the
 * kernel together with the wait for the next batch, in one
 * io_uring_submit_and_wait per loop iteration.
 *
 * The ring is set up the way a single-threaded loop should be on a current
 * kernel: SINGLE_ISSUER | DEFER_TASKRUN, so completion work runs only when
 * this thread waits for it, in batches, instead of interrupting it (about
 * a fifth less CPU per round trip than a default ring, on loopback). Older
 * kernels get COOP_TASKRUN, then a default ring; the choice goes to stderr.
 *
 * Otherwise plain on purpose: no SQPOLL, no provided-buffer rings, no
 * multishot, no registered files, nothing newer than liburing 2.3. A faster
 * peer built on those would measure the features, not the runtime's
 * overhead. */
#define _GNU_SOURCE
#include <errno.h>
#include <liburing.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* The same per-connection buffer size as the other echo servers here. */
#define BUF_SIZE 16384
/* Enough for a few hundred connections per batch; a fuller SQ is flushed. */
#define RING_ENTRIES 512

enum op { OP_ACCEPT = 1, OP_RECV, OP_SEND };
#define OP_MASK 3UL

struct conn {
	int fd;
	unsigned int len;	/* bytes received, to send back */
	unsigned int sent;	/* of which already sent */
	char buf[BUF_SIZE];
} __attribute__((aligned(8)));	/* low bits of the pointer carry the op */

static struct io_uring ring;
static int listen_fd;
static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = 1;
}

static struct io_uring_sqe *get_sqe(void)
{
	struct io_uring_sqe *sqe;

	/* SQ full (more ready connections than entries): hand the kernel what
	 * we have and carry on; the batch just splits in two. */
	while (!(sqe = io_uring_get_sqe(&ring)))
		io_uring_submit(&ring);
	return sqe;
}

static void arm_accept(void)
{
	struct io_uring_sqe *sqe = get_sqe();

	io_uring_prep_accept(sqe, listen_fd, NULL, NULL, SOCK_CLOEXEC);
	io_uring_sqe_set_data64(sqe, OP_ACCEPT);
}

static void arm_recv(struct conn *c)
{
	struct io_uring_sqe *sqe = get_sqe();

	io_uring_prep_recv(sqe, c->fd, c->buf, sizeof(c->buf), 0);
	io_uring_sqe_set_data64(sqe, (uintptr_t)c | OP_RECV);
}

static void arm_send(struct conn *c)
{
	struct io_uring_sqe *sqe = get_sqe();

	io_uring_prep_send(sqe, c->fd, c->buf + c->sent, c->len - c->sent,
			   MSG_NOSIGNAL);
	io_uring_sqe_set_data64(sqe, (uintptr_t)c | OP_SEND);
}

static void conn_close(struct conn *c)
{
	/* Nothing else is in flight on this fd: one op per connection. */
	close(c->fd);
	free(c);
}

static void on_accept(int res)
{
	struct conn *c;
	int one = 1;

	arm_accept();
	if (res < 0)
		return;		/* ECONNABORTED, EMFILE...: keep serving */
	c = malloc(sizeof(*c));
	if (!c) {
		close(res);
		return;
	}
	c->fd = res;
	/* Ping-pong: a partial echo must not wait for the peer's ACK. */
	setsockopt(res, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	arm_recv(c);
}

static void handle(struct io_uring_cqe *cqe)
{
	uint64_t data = io_uring_cqe_get_data64(cqe);
	struct conn *c = (struct conn *)(uintptr_t)(data & ~OP_MASK);
	int res = cqe->res;

	switch (data & OP_MASK) {
	case OP_ACCEPT:
		on_accept(res);
		break;
	case OP_RECV:
		if (res <= 0) {		/* EOF or reset */
			conn_close(c);
			break;
		}
		c->len = res;
		c->sent = 0;
		arm_send(c);
		break;
	case OP_SEND:
		if (res < 0) {
			conn_close(c);
			break;
		}
		c->sent += res;
		if (c->sent < c->len)
			arm_send(c);
		else
			arm_recv(c);
		break;
	}
}

/* Returns the name of the setup that the kernel accepted, NULL if none. */
static const char *ring_init(int *err)
{
	static const struct {
		unsigned int flags;
		const char *name;
	} setups[] = {
		{ IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN,
		  "single_issuer+defer_taskrun" },
		{ IORING_SETUP_COOP_TASKRUN, "coop_taskrun" },
		{ 0, "default" },
	};
	size_t i;

	for (i = 0; i < sizeof(setups) / sizeof(setups[0]); i++) {
		*err = io_uring_queue_init(RING_ENTRIES, &ring, setups[i].flags);
		/* EINVAL: flag unknown to this kernel; anything else (ENOSYS,
		 * EPERM from io_uring_disabled or seccomp) refuses them all. */
		if (*err != -EINVAL)
			return *err < 0 ? NULL : setups[i].name;
	}
	return NULL;
}

static int listen_on(long port)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_port = htons(port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int fd, one = 1;

	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
	    listen(fd, 1024) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	struct io_uring_cqe *cqe;
	unsigned int head, n;
	const char *setup;
	char *end;
	long port;
	int ret;

	if (argc != 2) {
		fprintf(stderr, "usage: echo_rawuring PORT\n");
		return 2;
	}
	port = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || port < 1 || port > 65535) {
		fprintf(stderr, "echo_rawuring: bad port '%s'\n", argv[1]);
		return 2;
	}

	signal(SIGPIPE, SIG_IGN);
	/* No SA_RESTART: the wait in io_uring_enter returns -EINTR and the
	 * loop sees the flag. */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	setup = ring_init(&ret);
	if (!setup) {
		fprintf(stderr, "echo_rawuring: io_uring refused: %s\n",
			strerror(-ret));
		return 77;
	}
	fprintf(stderr, "echo_rawuring: ring setup: %s\n", setup);
	listen_fd = listen_on(port);
	if (listen_fd < 0) {
		fprintf(stderr, "echo_rawuring: listen on port %ld: %s\n",
			port, strerror(errno));
		return 1;
	}
	arm_accept();

	printf("ready\n");
	fflush(stdout);

	while (!stop) {
		ret = io_uring_submit_and_wait(&ring, 1);
		if (ret < 0 && ret != -EINTR) {
			fprintf(stderr, "echo_rawuring: io_uring_enter: %s\n",
				strerror(-ret));
			return 1;
		}
		n = 0;
		io_uring_for_each_cqe(&ring, head, cqe) {
			handle(cqe);
			n++;
		}
		io_uring_cq_advance(&ring, n);
	}

	io_uring_queue_exit(&ring);
	close(listen_fd);
	return 0;
}
