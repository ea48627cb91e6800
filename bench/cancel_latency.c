/* Cancellation latency on io_uring: a coroutine waits in cco_read with the
 * read in flight in the kernel; another cancels it. The latency is from
 * cco_cancel to the reader seeing -ECANCELED: async cancel submitted, the
 * read's own completion reaped, the reader resumed. Also: how late a
 * deadline fires (timeout_overshoot_us), since deadlines come from the
 * executor's timer heap rather than linked timeouts. Medians of many runs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cco.h"

enum { RUNS = 2000, TIMEOUT_RUNS = 200 };

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
	qsort(lat, RUNS, sizeof(lat[0]), cmp);
	qsort(over, TIMEOUT_RUNS, sizeof(over[0]), cmp);
	printf("cancel_latency_us: %.1f\n", lat[RUNS / 2] / 1000.0);
	printf("cancel_latency_p99_us: %.1f\n", lat[RUNS * 99 / 100] / 1000.0);
	printf("timeout_overshoot_us: %.1f\n", over[TIMEOUT_RUNS / 2] / 1000.0);
	(void)cco_close(fds[0]);
	(void)cco_close(fds[1]);
	return 0;
}

int main(void)
{
	cco_exec *ex;
	struct cco_opts o = { .backend = CCO_BACKEND_URING };
	int rc = cco_exec_init(&ex, &o);
	if (rc < 0) {
		printf("cancel_latency_us: skipped: io_uring refused (%s)\n", strerror(-rc));
		return 0;
	}
	int64_t res;
	if (cco_exec_run(ex, main_co, NULL, &res) < 0 || res) {
		fprintf(stderr, "cancel_latency: failed\n");
		return 1;
	}
	cco_exec_free(ex);
	return 0;
}
