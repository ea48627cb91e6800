// `if (c) lock; ...; if (c) unlock;` with no cancellation point in between:
// on every path the mutex is released again before the read.
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long bump_good_1(int fd, char *buf, bool shared)
{
	if (shared)
		pthread_mutex_lock(&mu);
	counter++;
	if (shared)
		pthread_mutex_unlock(&mu);
	return read(fd, buf, 8);
}

long bump_good_2(int fd, char *buf, pthread_mutex_t *m)
{
	if (m)
		pthread_mutex_lock(m);
	counter += 2;
	if (m)
		pthread_mutex_unlock(m);
	sleep(1);
	return read(fd, buf, 8);
}
