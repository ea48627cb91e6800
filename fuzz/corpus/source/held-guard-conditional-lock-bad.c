// The neighbours of conditional-lock.c: the read sits between the
// conditional lock and the conditional unlock, or the conditions differ.
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long between_bad_1(int fd, char *buf, bool shared)
{
	if (shared)
		pthread_mutex_lock(&mu);
	long n = read(fd, buf, 8);
	if (shared)
		pthread_mutex_unlock(&mu);
	return n;
}

// Locked under one condition, unlocked under another: when `a && !b` the
// mutex is still held at the read.
long mismatch_bad_2(int fd, char *buf, bool a, bool b)
{
	if (a)
		pthread_mutex_lock(&mu);
	counter++;
	if (b)
		pthread_mutex_unlock(&mu);
	return read(fd, buf, 8);
}
