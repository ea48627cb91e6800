// The posix model turns on by itself in a translation unit that uses thread
// cancellation: one that calls pthread_cancel, pthread_testcancel,
// pthread_setcancelstate or pthread_setcanceltype, or uses
// pthread_cleanup_push. Each RUN line enables one of them.
// --verbose says why.
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
