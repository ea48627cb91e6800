// Only real uses of thread cancellation turn the posix model on: the names
// in a comment, in a string, or in code the preprocessor skips do not.
// We never call pthread_cancel, pthread_testcancel, pthread_setcancelstate,
// pthread_setcanceltype or pthread_cleanup_push in this file.
// A real call in the active branch does turn it on.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

void *waiter_1(void *arg)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	return arg;
}

void usage(void)
{
	puts("this program does not use pthread_cancel");
}

#if defined(REALLY)
void stop(pthread_t t) { pthread_cancel(t); }
#elif 0
void stop(pthread_t t) { pthread_testcancel(); }
#endif
