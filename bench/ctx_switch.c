/* Context switch cost: two coroutines hand the CPU to each other with
 * cco_yield. Each hand-off is two switches (coroutine to scheduler, and
 * scheduler to the next coroutine), so ctx_switch_ns is the time of one
 * hand-off divided by two, scheduler bookkeeping included. */
#include <stdio.h>
#include <stdlib.h>

#include "cco.h"

static long rounds = 5000000;

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
	double handoffs = 2.0 * (double)rounds;
	printf("ctx_switch_ns: %.1f\n", (double)(t1 - t0) / handoffs / 2.0);
	printf("yield_handoff_ns: %.1f\n", (double)(t1 - t0) / handoffs);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		rounds = atol(argv[1]);
	cco_exec *ex;
	int64_t res;
	if (cco_exec_init(&ex, NULL) < 0 || cco_exec_run(ex, main_co, NULL, &res) < 0 || res) {
		fprintf(stderr, "ctx_switch: failed\n");
		return 1;
	}
	cco_exec_free(ex);
	return 0;
}
