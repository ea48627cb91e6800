// The posix model switches itself on in a TU that uses cancellation in any
// of the listed ways, even in a function far from the finding; with none
// of them the same code is silent.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

long read_locked_bad_1(int fd, char *buf, unsigned n)
{
	pthread_mutex_lock(&mu);
	long got = read(fd, buf, n);
	pthread_mutex_unlock(&mu);
	return got;
}

static void say(void *msg) { fputs(msg, stderr); }

void trigger(pthread_t t)
{
#if defined(USE_CANCEL)
	pthread_cancel(t);
#elif defined(USE_TESTCANCEL)
	pthread_testcancel();
#elif defined(USE_SETCANCELSTATE)
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, 0);
#elif defined(USE_SETCANCELTYPE)
	pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, 0);
#elif defined(USE_CLEANUP_PUSH)
	pthread_cleanup_push(say, "bye\n");
	pthread_cleanup_pop(0);
#endif
	(void)t;
	say("");
}
