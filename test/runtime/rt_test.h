/* Shared by the runtime's test programs: each is one program that exits 0
 * (pass) or 1 (fail, with a message naming the file and line), run once per
 * backend (CCO_BACKEND=epoll, CCO_BACKEND=io_uring) and under the
 * sanitizers in the sanitized build. */
#ifndef RT_TEST_H
#define RT_TEST_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cco.h"

/* A runtime bug must fail a test, not hang the suite: every program that
 * uses rt_run or rt_watchdog dies by SIGALRM after this many seconds. */
#define RT_WATCHDOG_SECONDS 120

static inline void rt_watchdog(void)
{
	alarm(RT_WATCHDOG_SECONDS);
}

#define EXPECT(cond)                                                          \
	do {                                                                  \
		if (!(cond)) {                                                \
			fprintf(stderr, "%s:%d: expected: %s\n", __FILE__,    \
				__LINE__, #cond);                              \
			exit(1);                                               \
		}                                                             \
	} while (0)
#define EXPECT_EQ(a, b)                                                       \
	do {                                                                  \
		long long a_ = (long long)(a), b_ = (long long)(b);           \
		if (a_ != b_) {                                               \
			fprintf(stderr, "%s:%d: expected %s == %s, got %lld and %lld\n", \
				__FILE__, __LINE__, #a, #b, a_, b_);           \
			exit(1);                                               \
		}                                                             \
	} while (0)

/* Runs fn(arg) on a fresh executor made with opts (NULL: defaults), the
 * backend from CCO_BACKEND, and returns its result; checks that the
 * backend is the one asked for. */
static inline int64_t rt_run_with(cco_fn fn, void *arg, const struct cco_opts *opts)
{
	cco_exec *ex;
	rt_watchdog();
	int rc = cco_exec_init(&ex, opts);
	if (rc < 0) {
		fprintf(stderr, "cco_exec_init: %s\n", strerror(-rc));
		exit(1);
	}
	const char *want = getenv("CCO_BACKEND");
	if (want && strcmp(want, "auto") && strcmp(want, cco_exec_backend(ex))) {
		fprintf(stderr, "asked for %s, got %s\n", want, cco_exec_backend(ex));
		exit(1);
	}
	int64_t result = 0;
	rc = cco_exec_run(ex, fn, arg, &result);
	EXPECT_EQ(rc, 0);
	cco_exec_free(ex);
	return result;
}

static inline int64_t rt_run(cco_fn fn, void *arg)
{
	return rt_run_with(fn, arg, NULL);
}

#endif
