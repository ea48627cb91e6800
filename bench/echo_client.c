/* Load generator for the echo servers of the runtime benchmark
 * (bench/run_runtime.sh).
 *
 * Usage: echo_client HOST PORT CONNS MSG_SIZE SECONDS
 *
 * Opens CONNS connections. Each plays ping-pong as fast as it can: send
 * MSG_SIZE bytes, read all of them back, check them, send the next message.
 * After a warm-up of WARMUP_S seconds (connections established, caches and
 * page tables warm, not counted) it counts completed round trips for SECONDS
 * (fractions allowed) and prints:
 *
 *	msgs_per_sec: N		round trips per second, all connections
 *	msgs_total: N		round trips counted
 *	seconds: S		length of the counted window
 *	conn_msgs_min: N	round trips of the least served connection
 *	conn_msgs_max: N	... of the best served one
 *	client_cpu: F		CPU time of this process / window (1.0 = a core)
 *	msgs_incl_warmup: N	round trips from the first send to the end
 *
 * client_cpu near 1.0 means the client, not the server, may be the limit.
 * msgs_incl_warmup lets a caller that samples the server's CPU time over
 * the whole run turn it into CPU time per round trip.
 * Exit 1 on a wrong echo, a connection error or a closed connection; 2 on
 * bad arguments.
 *
 * Single thread, level-triggered epoll, each socket registered once. A round
 * trip costs one send and usually one recv plus a share of one epoll_wait,
 * so the client stays lighter than any server it drives. Every message is
 * stamped with its connection's sequence number over a per-connection
 * pattern, so a lost, repeated, reordered or crossed echo fails the check. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define WARMUP_S 0.5
#define MAX_EVENTS 256
#define MAX_CONNS 100000
#define MAX_MSG (1 << 20)

struct conn {
	int fd;
	int idx;
	int want_out;		/* EPOLLOUT registered: the send was short */
	size_t sent, got;	/* of the current message */
	uint64_t seq;		/* current message number */
	uint64_t done;		/* round trips counted */
	unsigned char *tx, *rx;
};

static size_t msg_size;
static int epfd;
static int measuring;
static uint64_t total, total_all;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

static void fail(const struct conn *c, const char *what, int err)
{
	fprintf(stderr, "echo_client: connection %d, message %llu: %s%s%s\n",
		c->idx, (unsigned long long)c->seq, what, err ? ": " : "",
		err ? strerror(err) : "");
	exit(1);
}

/* The payload of message seq: the connection's pattern with seq in front. */
static void stamp(struct conn *c)
{
	size_t n = msg_size < sizeof(c->seq) ? msg_size : sizeof(c->seq);

	memcpy(c->tx, &c->seq, n);
}

static void set_out(struct conn *c, int on)
{
	struct epoll_event ev = {
		.events = EPOLLIN | (on ? EPOLLOUT : 0),
		.data.ptr = c,
	};

	if (epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev) < 0)
		fail(c, "epoll_ctl", errno);
	c->want_out = on;
}

static void flush_send(struct conn *c)
{
	while (c->sent < msg_size) {
		ssize_t w = send(c->fd, c->tx + c->sent, msg_size - c->sent,
				 MSG_NOSIGNAL);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN)
				fail(c, "send", errno);
			if (!c->want_out)
				set_out(c, 1);
			return;
		}
		c->sent += w;
	}
	if (c->want_out)
		set_out(c, 0);
}

static void next_message(struct conn *c)
{
	c->seq++;
	c->sent = 0;
	c->got = 0;
	stamp(c);
	flush_send(c);
}

static void on_event(struct conn *c, uint32_t events)
{
	ssize_t r;

	if ((events & EPOLLOUT) && c->sent < msg_size)
		flush_send(c);
	if (!(events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
		return;

	/* Never ask for more than the rest of this message: a server that
	 * echoes too much then fails the check of the next one. Once the
	 * message is complete the server has nothing more to say until the
	 * next one arrives, so one recv per event is all it takes. */
	r = recv(c->fd, c->rx + c->got, msg_size - c->got, 0);
	if (r < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return;
		fail(c, "recv", errno);
	}
	if (r == 0)
		fail(c, "connection closed by the server", 0);
	c->got += r;
	if (c->got > c->sent)
		fail(c, "echo of bytes not yet sent", 0);
	if (c->got < msg_size)
		return;
	if (memcmp(c->tx, c->rx, msg_size))
		fail(c, "echo differs from the message sent", 0);
	total_all++;
	if (measuring) {
		c->done++;
		total++;
	}
	next_message(c);
}

static int connect_to(const struct addrinfo *ai)
{
	int fd, one = 1;

	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
		    ai->ai_protocol);
	if (fd < 0)
		return -1;
	if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
		int err = errno;

		close(fd);
		errno = err;
		return -1;
	}
	/* Ping-pong: the next message must not wait for the previous ACK. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
}

static void raise_nofile(rlim_t want)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < want) {
		rl.rlim_cur = want < rl.rlim_max ? want : rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

static long parse_long(const char *s, const char *what, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno || v < lo || v > hi) {
		fprintf(stderr, "echo_client: bad %s '%s' (%ld..%ld)\n",
			what, s, lo, hi);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai;
	struct epoll_event evs[MAX_EVENTS];
	double secs, t, t_start = 0, t_stop, t_warm, t_end, cpu0 = 0;
	uint64_t lo = UINT64_MAX, hi = 0;
	struct conn *conns;
	long nconns;
	char *end;
	int i, n, r;

	if (argc != 6) {
		fprintf(stderr,
			"usage: echo_client HOST PORT CONNS MSG_SIZE SECONDS\n");
		return 2;
	}
	nconns = parse_long(argv[3], "CONNS", 1, MAX_CONNS);
	msg_size = parse_long(argv[4], "MSG_SIZE", 1, MAX_MSG);
	secs = strtod(argv[5], &end);
	if (*argv[5] == '\0' || *end != '\0' || !(secs > 0 && secs < 86400)) {
		fprintf(stderr, "echo_client: bad SECONDS '%s'\n", argv[5]);
		return 2;
	}
	r = getaddrinfo(argv[1], argv[2], &hints, &ai);
	if (r) {
		fprintf(stderr, "echo_client: %s:%s: %s\n", argv[1], argv[2],
			gai_strerror(r));
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	raise_nofile(nconns + 16);

	epfd = epoll_create1(EPOLL_CLOEXEC);
	conns = calloc(nconns, sizeof(*conns));
	if (epfd < 0 || !conns) {
		perror("echo_client");
		return 1;
	}
	for (i = 0; i < nconns; i++) {
		struct conn *c = &conns[i];
		struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
		size_t k;

		c->idx = i;
		c->tx = malloc(msg_size);
		c->rx = malloc(msg_size);
		if (!c->tx || !c->rx) {
			perror("echo_client");
			return 1;
		}
		/* Distinct per connection, so crossed streams are caught. */
		for (k = 0; k < msg_size; k++)
			c->tx[k] = (unsigned char)(i * 131 + k * 7 + 1);
		c->fd = connect_to(ai);
		if (c->fd < 0)
			fail(c, "connect", errno);
		if (epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev) < 0)
			fail(c, "epoll_ctl", errno);
	}
	freeaddrinfo(ai);

	t = now_s();
	t_warm = t + WARMUP_S;
	t_end = t_warm + secs;
	for (i = 0; i < nconns; i++) {
		stamp(&conns[i]);
		flush_send(&conns[i]);
	}

	for (;;) {
		/* Round up: waking just before the end would spin. */
		int ms = (int)((t_end - t) * 1000) + 1;

		n = epoll_wait(epfd, evs, MAX_EVENTS, ms);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			perror("echo_client: epoll_wait");
			return 1;
		}
		t = now_s();
		if (t >= t_end)
			break;
		if (!measuring && t >= t_warm) {
			measuring = 1;
			t_start = t;
			cpu0 = cpu_s();
		}
		for (i = 0; i < n; i++)
			on_event(evs[i].data.ptr, evs[i].events);
	}
	t_stop = t;

	if (!measuring || total == 0) {
		fprintf(stderr, "echo_client: no round trip completed in %.2f s\n",
			secs);
		return 1;
	}
	for (i = 0; i < nconns; i++) {
		if (conns[i].done < lo)
			lo = conns[i].done;
		if (conns[i].done > hi)
			hi = conns[i].done;
	}
	printf("msgs_per_sec: %.0f\n", total / (t_stop - t_start));
	printf("msgs_total: %llu\n", (unsigned long long)total);
	printf("seconds: %.3f\n", t_stop - t_start);
	printf("conn_msgs_min: %llu\n", (unsigned long long)lo);
	printf("conn_msgs_max: %llu\n", (unsigned long long)hi);
	printf("client_cpu: %.2f\n", (cpu_s() - cpu0) / (t_stop - t_start));
	printf("msgs_incl_warmup: %llu\n", (unsigned long long)total_all);
	return 0;
}
