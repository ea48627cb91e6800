// A suppression names one check: it does not silence another check's
// finding at the same call.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

long wrong_check_bad_1(int fd)
{
	char *buf = malloc(64);
	long n = read(fd, buf, 64); // cancelcheck: ignore[cancel-held-guard] nothing locked here
	free(buf);
	return n;
}

// Both findings at one read; only the guard one is suppressed.
long one_of_two_bad_2(int fd)
{
	char *buf = malloc(64);
	pthread_mutex_lock(&mu);
	// cancelcheck: ignore[cancel-held-guard] the lock is only contended at exit
	long n = read(fd, buf, 64);
	pthread_mutex_unlock(&mu);
	free(buf);
	return n;
}
