/* An out-of-tree user of cco: a producer coroutine sends 1..N over a
 * channel, the first coroutine sums what it receives, and a second
 * producer is cancelled while it waits on a full channel. Prints
 * "sum=5050 stuck=cancelled", then the backend and the result. */
#include <cco.h>
#include <stdio.h>

enum { N = 100 };

static int64_t produce(void *arg)
{
	cco_chan *c = arg;
	for (int i = 1; i <= N; i++) {
		int r = cco_chan_send(c, &i, -1);
		if (r < 0)
			return r;
	}
	return 0;
}

static int64_t stuck(void *arg)
{
	cco_chan *c = arg;
	int v = -1;
	for (;;) {	/* the channel stays full: this waits until cancelled */
		int r = cco_chan_send(c, &v, -1);
		if (r < 0)
			return r;
	}
}

static int64_t run(void *arg)
{
	cco_chan *c = cco_chan_open(sizeof(int), 4, NULL);
	if (!c)
		return -1;
	cco_chan *full = cco_chan_open(sizeof(int), 1, NULL);
	if (!full) {
		cco_chan_free(c);
		return -1;
	}
	cco_scope *s = cco_scope_open();
	if (!s) {
		cco_chan_free(full);
		cco_chan_free(c);
		return -1;
	}
	cco_co *q = NULL;
	long sum = 0;
	int64_t rc = 0;
	if (cco_spawn(s, produce, c, NULL) < 0 || cco_spawn(s, stuck, full, &q) < 0)
		rc = -1;
	for (int i = 0; rc == 0 && i < N; i++) {
		int v;
		if (cco_chan_recv(c, &v, -1) < 0)
			rc = -1;
		else
			sum += v;
	}
	struct cco_exit ex = { CCO_FAILED, 0 };
	int j = -1;
	if (q) {
		cco_cancel(q);
		j = cco_join(q, &ex, -1);
	}
	/* closing waits for both producers, also when this one is cancelled */
	if (cco_scope_close(s, -1) < 0)
		rc = -1;
	cco_chan_free(c);
	cco_chan_free(full);
	printf("sum=%ld stuck=%s\n", sum,
	       j == 0 && ex.how == CCO_CANCELLED ? "cancelled" : "not-cancelled");
	return rc;
}

int main(void)
{
	cco_exec *ex;
	int64_t result = -1;
	if (cco_exec_init(&ex, NULL) < 0)
		return 2;
	if (cco_exec_run(ex, run, NULL, &result) < 0)
		return 2;
	printf("backend=%s result=%lld\n", cco_exec_backend(ex), (long long)result);
	cco_exec_free(ex);
	return result == 0 ? 0 : 1;
}
