// Lock, update, unlock, and only then block: nothing is held at the
// cancellation point.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long total;

void stop(pthread_t t) { pthread_cancel(t); }

long read_good_1(int fd, char *buf, unsigned n)
{
	pthread_mutex_lock(&mu);
	long want = total;
	pthread_mutex_unlock(&mu);
	return read(fd, buf, want < n ? want : n);
}

void write_good_2(int fd, const char *msg, unsigned n)
{
	pthread_mutex_lock(&mu);
	total += n;
	pthread_mutex_unlock(&mu);
	write(fd, msg, n);
	sleep(1);
}

// The read happens before the lock is taken.
long read_good_3(int fd, char *buf, unsigned n)
{
	long got = read(fd, buf, n);
	pthread_mutex_lock(&mu);
	total += got;
	pthread_mutex_unlock(&mu);
	return got;
}
