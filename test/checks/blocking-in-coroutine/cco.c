// Thread-blocking calls in code that runs as a coroutine: every other
// coroutine on the thread stalls, deadlines pass, and none can be
// cancelled until the call returns.
// RUN: not %cancelcheck --checks='-*,blocking-in-coroutine' %s -- -I%srcroot/include -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <cco.h>
#include <pthread.h>
#include <poll.h>
#include <unistd.h>

// A body given to cco_spawn that sleeps the thread.
static int64_t ticker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3; i++)
		sleep(1);
// CHECK: cco.c:[[@LINE-1]]:3: warning: 'sleep' blocks the thread inside coroutine 'ticker': the other coroutines of this thread stall until it returns [blocking-in-coroutine]
// CHECK: cco.c:[[@LINE-6]]:16: note: 'ticker' runs as a coroutine: it is passed to 'cco_spawn' as its body
	return 0;
}

// The same with the runtime's suspending sleep.
static int64_t ticker_good(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3; i++)
		if (cco_sleep(cco_now() + CCO_SEC) < 0)
			return -1;
	return 0;
}

// A helper that blocks, reached from a coroutine: reported at the call.
static int wait_readable(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	return poll(&p, 1, -1);
}

// Not spawned, but it suspends the coroutine: it runs as one.
int serve(int fd, char *buf, int64_t deadline)
{
	if (wait_readable(fd) < 0)
// CHECK: cco.c:[[@LINE-1]]:6: warning: 'wait_readable' blocks the thread inside coroutine 'serve' (it calls 'poll'): the other coroutines of this thread stall until it returns [blocking-in-coroutine]
// CHECK: cco.c:[[@LINE-4]]:5: note: 'serve' runs as a coroutine: it reaches a coroutine suspend point
		return -1;
	return (int)cco_read(fd, buf, 64, deadline);
}

// A plain thread may block: it is not a coroutine.
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

void *waiter_thread(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	sleep(1);
	return NULL;
}

// A root body given to cco_exec_run that joins a thread.
static int64_t root(void *arg)
{
	pthread_t t = *(pthread_t *)arg;
	cco_scope *s = cco_scope_open();
	if (!s)
		return -1;
	if (cco_spawn(s, ticker, NULL, NULL) == 0 && cco_spawn(s, ticker_good, NULL, NULL) == 0)
		pthread_join(t, NULL);
// CHECK: cco.c:[[@LINE-1]]:3: warning: 'pthread_join' blocks the thread inside coroutine 'root'
	return cco_scope_close(s, -1);
}

int run(pthread_t t)
{
	cco_exec *ex;
	int64_t result;
	if (cco_exec_init(&ex, NULL) < 0)
		return -1;
	int rc = cco_exec_run(ex, root, &t, &result);
	cco_exec_free(ex);
	return rc < 0 ? rc : (int)result;
}
