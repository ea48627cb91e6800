/* Context switch cost, two ways:
 *  ctx_switch_ns     one switch between two coroutine stacks (cco__switch:
 *                    callee-saved registers, FP control words, stack), in
 *                    a ping-pong between a coroutine and the main stack;
 *  yield_handoff_ns  one cco_yield from a coroutine to the next through the
 *                    executor: two switches (to the scheduler and on) plus
 *                    the scheduler's bookkeeping. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

static long rounds = 5000000;
static void *main_sp;
static cco_co pong;

static int64_t pong_body(void *arg)
{
	for (;;)
		cco__switch(&pong.sp, main_sp);
	return 0;
}

/* One stack for pong, set up once: it switches back forever. */
static int pong_setup(void)
{
	static cco_exec ex;	/* only for the stack pool */
	ex.stack_size = 64 * 1024;
	pong.ex = &ex;
	pong.fn = pong_body;
	if (cco__stack_get(&ex, &pong) < 0)
		return -1;
	cco__stack_init(&pong);
	return 0;
}

static double raw_switch_ns(void)
{
	long n = 4 * rounds;
	int64_t t0 = cco_now();
	for (long i = 0; i < n; i++)
		cco__switch(&main_sp, pong.sp);
	int64_t t1 = cco_now();
	return (double)(t1 - t0) / (2.0 * (double)n);
}

static int64_t yielder(void *arg)
{
	for (long i = 0; i < rounds; i++)
		if (cco_yield() < 0)
			return -1;
	return 0;
}

static int64_t main_co(void *arg)
{
	cco_scope *s = cco_scope_open();
	if (!s || cco_spawn(s, yielder, NULL, NULL) || cco_spawn(s, yielder, NULL, NULL))
		return -1;
	int64_t t0 = cco_now();
	int rc = cco_scope_close(s, -1);
	int64_t t1 = cco_now();
	if (rc)
		return -1;
	printf("yield_handoff_ns: %.1f\n", (double)(t1 - t0) / (2.0 * (double)rounds));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		rounds = atol(argv[1]);
	if (pong_setup() < 0) {
		fprintf(stderr, "ctx_switch: no stack\n");
		return 1;
	}
	double best = 1e9;
	for (int i = 0; i < 3; i++) {	/* best of three: the machine is shared */
		double ns = raw_switch_ns();
		best = ns < best ? ns : best;
	}
	printf("ctx_switch_ns: %.1f\n", best);
	cco_exec *ex;
	int64_t res;
	if (cco_exec_init(&ex, NULL) < 0 || cco_exec_run(ex, main_co, NULL, &res) < 0 || res) {
		fprintf(stderr, "ctx_switch: failed\n");
		return 1;
	}
	cco_exec_free(ex);
	return 0;
}
