// The posix model turns on by itself in a translation unit that uses thread
// cancellation: one that calls pthread_cancel, pthread_testcancel,
// pthread_setcancelstate or pthread_setcanceltype, or uses
// pthread_cleanup_push. Each RUN line enables one of them.
// RUN: not %cancelcheck %s -- -pthread -DUSE_CANCEL | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck %s -- -pthread -DUSE_TESTCANCEL | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck %s -- -pthread -DUSE_SETCANCELSTATE | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck %s -- -pthread -DUSE_SETCANCELTYPE | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck %s -- -pthread -DUSE_CLEANUP_PUSH | FileCheck %s --implicit-check-not='warning:'
// --verbose says why.
// RUN: not %cancelcheck --verbose %s -- -pthread -DUSE_CANCEL 2>&1 >/dev/null | FileCheck %s --check-prefix=VERBOSE
// VERBOSE: posix-auto-enable.c: note: uses thread cancellation: posix model enabled
// With none of them the same code gets no findings: see posix-off.c, and
// posix-auto-enable-text.c for names that appear only in comments or in
// code the preprocessor skips (as the #elif branches below are here).
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

// The classic: cancelled in pthread_cond_wait, the thread exits with the
// mutex locked (the wait re-acquires it before acting on the cancel).
void *waiter_bad_1(void *arg)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
// CHECK: posix-auto-enable.c:[[@LINE-1]]:3: warning: '&mu' is still held if 'pthread_cond_wait' is cancelled here [cancel-held-guard]
// CHECK: posix-auto-enable.c:[[@LINE-4]]:2: note: '&mu' acquired here by 'pthread_mutex_lock'
// CHECK: posix-auto-enable.c:[[@LINE-3]]:3: note: fix: release it in a cleanup handler (pthread_cleanup_push), or disable cancellation around this call
	pthread_mutex_unlock(&mu);
	return arg;
}

// Not held across the cancellation point.
ssize_t reader_good_1(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	ready = 0;
	pthread_mutex_unlock(&mu);
	return read(fd, buf, 1);
}

#if defined(USE_CANCEL)
void stop(pthread_t t) { pthread_cancel(t); }
#elif defined(USE_TESTCANCEL)
void poll_cancel(void) { pthread_testcancel(); }
#elif defined(USE_SETCANCELSTATE)
void enable_cancel(void) { pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL); }
#elif defined(USE_SETCANCELTYPE)
void deferred(void) { pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, NULL); }
#elif defined(USE_CLEANUP_PUSH)
static void unlock_cb(void *m) { pthread_mutex_unlock(m); }
void *waiter_good_2(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(unlock_cb, &mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_cleanup_pop(1);
	return arg;
}
#endif
