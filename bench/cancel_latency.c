/* Cancellation latency on io_uring: a coroutine waits in cco_read with the
 * read in flight in the kernel; another cancels it. The latency is from
 * cco_cancel to the reader seeing -ECANCELED: async cancel submitted, the
 * read's own completion reaped, the reader resumed. Medians of many runs.
 *
 * Deadlines come from the executor's timer heap, not io_uring linked
 * timeouts. What that choice costs and saves, measured:
 *  timeout_overshoot_us     how late a deadline fires (median);
 *  deadline_cost_ns         what a deadline adds to a cco_read that
 *                           completes at once (heap insert and removal,
 *                           clock reads);
 *  linked_timeout_cost_ns   what a linked timeout adds to the same read on
 *                           a bare ring (one more SQE and CQE).
 * The two costs are the median, over 41 back-to-back pairs of runs, of the
 * difference within a pair: on a shared machine, still the noisiest lines. */
#include <liburing.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cco.h"

enum { RUNS = 2000, TIMEOUT_RUNS = 200, READS = 1000, PAIRS = 41 };

static int fds[2];
static int64_t seen;

static int64_t reader(void *arg)
{
	char buf[64];
	ssize_t n = cco_read(fds[0], buf, sizeof(buf), -1);
	seen = cco_now();
	return n == -ECANCELED ? 0 : -1;
}

static int cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* READS 1-byte reads that complete at once; with a deadline or not. */
static int64_t timed_reads(bool with_deadline)
{
	int64_t t0 = cco_now();
	for (int i = 0; i < READS; i++) {
		char c;
		int64_t dl = with_deadline ? cco_now() + CCO_SEC : -1;
		if (write(fds[1], "x", 1) != 1 || cco_read(fds[0], &c, 1, dl) != 1)
			return -1;
	}
	return cco_now() - t0;
}

static int64_t main_co(void *arg)
{
	static int64_t lat[RUNS], over[TIMEOUT_RUNS];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
		return -1;
	for (int i = 0; i < RUNS; i++) {
		cco_scope *s = cco_scope_open();
		cco_co *r;
		if (!s || cco_spawn(s, reader, NULL, &r) < 0)
			return -1;
		/* let the read reach the kernel */
		if (cco_yield() < 0 || cco_yield() < 0)
			return -1;
		int64_t t0 = cco_now();
		cco_cancel(r);
		struct cco_exit e;
		if (cco_join(r, &e, -1) < 0 || e.value != 0 || cco_scope_close(s, -1) < 0)
			return -1;
		lat[i] = seen - t0;
	}
	for (int i = 0; i < TIMEOUT_RUNS; i++) {
		char buf[8];
		int64_t dl = cco_now() + 200 * CCO_USEC;
		if (cco_read(fds[0], buf, sizeof(buf), dl) != -ETIMEDOUT)
			return -1;
		over[i] = cco_now() - dl;
	}
	static int64_t diff[PAIRS];
	for (int i = 0; i < PAIRS; i++) {
		int64_t without = timed_reads(false), with = timed_reads(true);
		if (without < 0 || with < 0)
			return -1;
		diff[i] = with - without;
	}
	qsort(diff, PAIRS, sizeof(diff[0]), cmp);
	qsort(lat, RUNS, sizeof(lat[0]), cmp);
	qsort(over, TIMEOUT_RUNS, sizeof(over[0]), cmp);
	printf("cancel_latency_us: %.1f\n", lat[RUNS / 2] / 1000.0);
	printf("cancel_latency_p99_us: %.1f\n", lat[RUNS * 99 / 100] / 1000.0);
	printf("timeout_overshoot_us: %.1f\n", over[TIMEOUT_RUNS / 2] / 1000.0);
	printf("deadline_cost_ns: %.0f\n", (double)diff[PAIRS / 2] / READS);
	(void)cco_close(fds[0]);
	(void)cco_close(fds[1]);
	return 0;
}

/* The same reads on a bare ring, without and with a linked timeout: the
 * per-operation price of the alternative. */
static int64_t ring_reads(struct io_uring *ring, int sp[2], bool linked)
{
	struct __kernel_timespec ts = { .tv_sec = 1 };
	int64_t t0 = cco_now();
	for (int i = 0; i < READS; i++) {
		char c;
		if (write(sp[1], "x", 1) != 1)
			return -1;
		struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
		io_uring_prep_read(sqe, sp[0], &c, 1, (__u64)-1);
		unsigned want = 1;
		if (linked) {
			sqe->flags |= IOSQE_IO_LINK;
			io_uring_prep_link_timeout(io_uring_get_sqe(ring), &ts, 0);
			want = 2;
		}
		if (io_uring_submit_and_wait(ring, want) < 0)
			return -1;
		for (unsigned k = 0; k < want; k++) {
			struct io_uring_cqe *cqe;
			if (io_uring_wait_cqe(ring, &cqe) < 0)
				return -1;
			io_uring_cqe_seen(ring, cqe);
		}
	}
	return cco_now() - t0;
}

static void linked_timeout_cost(void)
{
	struct io_uring ring;
	int sp[2];
	if (io_uring_queue_init(8, &ring, 0) < 0) {
		printf("linked_timeout_cost_ns: skipped: no ring\n");
		return;
	}
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp) < 0) {
		io_uring_queue_exit(&ring);
		return;
	}
	int64_t diff[PAIRS];
	int n = 0;
	for (; n < PAIRS; n++) {
		int64_t without = ring_reads(&ring, sp, false), with = ring_reads(&ring, sp, true);
		if (without < 0 || with < 0)
			break;
		diff[n] = with - without;
	}
	if (n == PAIRS) {
		qsort(diff, PAIRS, sizeof(diff[0]), cmp);
		printf("linked_timeout_cost_ns: %.0f\n", (double)diff[PAIRS / 2] / READS);
	}
	io_uring_queue_exit(&ring);
	close(sp[0]);
	close(sp[1]);
}

int main(void)
{
	cco_exec *ex;
	struct cco_opts o = { .backend = CCO_BACKEND_URING };
	int rc = cco_exec_init(&ex, &o);
	if (rc < 0) {
		fprintf(stderr, "cancel_latency: io_uring refused (%s)\n", strerror(-rc));
		return 77;
	}
	int64_t res;
	if (cco_exec_run(ex, main_co, NULL, &res) < 0 || res) {
		fprintf(stderr, "cancel_latency: failed\n");
		return 1;
	}
	cco_exec_free(ex);
	linked_timeout_cost();
	return 0;
}
