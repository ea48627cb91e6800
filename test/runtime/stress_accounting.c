// Stress: thousands of coroutines over socketpairs and TCP loopback, with
// random deadlines on both sides and random cancellation of senders. Every
// message taken is either received exactly once or handed back (sent =
// received + handed back, checked by count and by sum of sequence numbers),
// a read that times out never loses data, and no completion writes into a
// buffer after its call returned (canary-checked). Leaks fail the run in
// the sanitized build. CCO_STRESS_SEED=N reproduces a run.
// RUN: env CCO_BACKEND=epoll %cco_bin/stress_accounting
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/stress_accounting %}
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rt_test.h"

enum { PAIRS = 1000, MSGS = 8, RECSZ = 16384, CANARY = 64 };

struct rec {
	uint32_t pair, seq, check;
	unsigned char payload[RECSZ - 12];
};

struct pair {
	int tx, rx;
	cco_co *sender;
	/* the sender's store: every message taken is sent or handed back */
	unsigned taken, sent, handed_back;
	uint64_t sent_sum;
	unsigned received;
	uint64_t recv_sum;
	int64_t last_seq;
};

static struct pair pairs[PAIRS];
static unsigned long long seed;
static unsigned cancels, timeouts_tx, timeouts_rx, partial;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33) % n;
}

static void make_rec(struct rec *r, uint32_t pair, uint32_t seq)
{
	r->pair = pair;
	r->seq = seq;
	r->check = pair * 2654435761u ^ seq;
	for (size_t i = 0; i < sizeof(r->payload); i++)
		r->payload[i] = (unsigned char)(pair + seq + i);
}

static int64_t sender(void *arg)
{
	struct pair *p = arg;
	uint32_t idx = (uint32_t)(p - pairs);
	for (uint32_t seq = 0; seq < MSGS; seq++) {
		struct rec *r = malloc(sizeof(*r));	/* taken from the store */
		make_rec(r, idx, seq);
		p->taken++;
		int64_t deadline = rnd(4) == 0 ? cco_now() + rnd(3000) * CCO_USEC : -1;
		size_t progress = 99999;
		int rc = cco_write_all(p->tx, r, sizeof(*r), &progress, deadline);
		free(r);	/* the kernel is done with it, whatever rc says */
		EXPECT(progress <= sizeof(*r));
		if (rc == 0) {
			EXPECT_EQ(progress, sizeof(*r));
			p->sent++;
			p->sent_sum += seq;
			continue;
		}
		EXPECT(rc == -ECANCELED || rc == -ETIMEDOUT);
		p->handed_back++;
		if (rc == -ETIMEDOUT)
			timeouts_tx++;
		if (progress) {
			partial++;
			break;	/* the stream is torn: the receiver drops the piece */
		}
		if (rc == -ECANCELED)
			break;
		seq--;	/* timed out before any byte went: try it again */
	}
	shutdown(p->tx, SHUT_WR);
	return 0;
}

static void paint(unsigned char *b, size_t from, size_t to)
{
	memset(b + from, 0x5A, to - from);
}

static void check(const unsigned char *b, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (b[i] != 0x5A) {
			fprintf(stderr, "stress: byte %zu of a read buffer written outside a call\n", i);
			exit(1);
		}
}

static int64_t receiver(void *arg)
{
	struct pair *p = arg;
	uint32_t idx = (uint32_t)(p - pairs);
	unsigned char *b = malloc(CANARY + RECSZ + CANARY);
	unsigned char *data = b + CANARY;
	size_t have = 0;
	paint(b, 0, CANARY + RECSZ + CANARY);
	for (;;) {
		if (rnd(8) == 0)
			EXPECT_EQ(cco_sleep(cco_now() + rnd(500) * CCO_USEC), 0);
		/* nothing may have written into the buffer while we were away */
		check(b, 0, CANARY);
		check(data + have, 0, RECSZ - have + CANARY);
		int64_t deadline = rnd(3) == 0 ? cco_now() + rnd(2000) * CCO_USEC
						: cco_now() + 30 * CCO_SEC;
		ssize_t n = cco_read(p->rx, data + have, RECSZ - have, deadline);
		if (n == -ETIMEDOUT) {
			timeouts_rx++;
			continue;
		}
		EXPECT(n >= 0);
		check(data + have + n, 0, RECSZ - have - (size_t)n + CANARY);
		if (n == 0)
			break;
		have += (size_t)n;
		if (have < RECSZ)
			continue;
		struct rec r;
		memcpy(&r, data, sizeof(r));
		struct rec want;
		make_rec(&want, idx, r.seq);
		EXPECT(!memcmp(&r, &want, sizeof(r)));
		EXPECT((int64_t)r.seq > p->last_seq);
		p->last_seq = r.seq;
		p->received++;
		p->recv_sum += r.seq;
		have = 0;
		paint(b, 0, CANARY + RECSZ + CANARY);
	}
	free(b);
	return 0;
}

static int64_t chaos(void *arg)
{
	for (int i = 0; i < PAIRS / 3; i++) {
		if (cco_sleep(cco_now() + rnd(200) * CCO_USEC) < 0)
			return 0;
		cco_cancel(pairs[rnd(PAIRS)].sender);
		cancels++;
	}
	return 0;
}

static void small_buffers(int fd)
{
	int sz = 4096;
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
}

static int64_t main_co(void *arg)
{
	int lfd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET };
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	EXPECT_EQ(bind(lfd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	EXPECT_EQ(listen(lfd, 128), 0);
	socklen_t len = sizeof(sa);
	EXPECT_EQ(getsockname(lfd, (struct sockaddr *)&sa, &len), 0);
	for (int i = 0; i < PAIRS; i++) {
		struct pair *p = &pairs[i];
		p->last_seq = -1;
		if (i % 2) {
			int fds[2];
			EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
			p->tx = fds[0];
			p->rx = fds[1];
		} else {
			p->tx = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
			EXPECT(p->tx >= 0);
			small_buffers(p->tx);
			EXPECT_EQ(cco_connect(p->tx, (struct sockaddr *)&sa, sizeof(sa), cco_now() + 5 * CCO_SEC), 0);
			p->rx = cco_accept(lfd, NULL, NULL, cco_now() + 5 * CCO_SEC);
			EXPECT(p->rx >= 0);
		}
		small_buffers(p->tx);
		small_buffers(p->rx);
	}
	cco_scope *s = cco_scope_open();
	for (int i = 0; i < PAIRS; i++) {
		EXPECT_EQ(cco_spawn(s, sender, &pairs[i], &pairs[i].sender), 0);
		EXPECT_EQ(cco_spawn(s, receiver, &pairs[i], NULL), 0);
	}
	EXPECT_EQ(cco_spawn(s, chaos, NULL, NULL), 0);
	EXPECT_EQ(cco_scope_close(s, cco_now() + 120 * CCO_SEC), 0);
	unsigned taken = 0, sent = 0, back = 0, received = 0;
	for (int i = 0; i < PAIRS; i++) {
		struct pair *p = &pairs[i];
		EXPECT_EQ(p->taken, p->sent + p->handed_back);
		EXPECT_EQ(p->received, p->sent);
		EXPECT_EQ(p->recv_sum, p->sent_sum);
		taken += p->taken, sent += p->sent, back += p->handed_back, received += p->received;
		EXPECT_EQ(cco_close(p->tx), 0);
		EXPECT_EQ(cco_close(p->rx), 0);
	}
	EXPECT_EQ(cco_close(lfd), 0);
	fprintf(stderr, "stress: %d coroutines; taken %u = received %u + handed back %u "
		"(%u torn mid-message); %u cancels, %u send and %u receive timeouts\n",
		2 * PAIRS + 2, taken, received, back, partial, cancels, timeouts_tx, timeouts_rx);
	EXPECT(back > 0 && partial > 0);
	return 0;
}

int main(void)
{
	const char *s = getenv("CCO_STRESS_SEED");
	seed = s ? strtoull(s, NULL, 10) : (unsigned long long)time(NULL);
	fprintf(stderr, "stress: seed %llu\n", seed);
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 4 * PAIRS) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	EXPECT_EQ(rt_run(main_co, NULL), 0);
	return 0;
}
