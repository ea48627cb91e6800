// A same-TU function whose cancellation points all run with cancellation
// disabled is not a cancellation point for its callers.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long total;

static long read_shielded(int fd, char *buf, unsigned n)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	long got = read(fd, buf, n);
	pthread_setcancelstate(old, 0);
	return got;
}

// Cancellation re-enabled before the read: still a cancellation point.
static long read_late(int fd, char *buf, unsigned n)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	total++;
	pthread_setcancelstate(old, 0);
	return read(fd, buf, n);
}

long shielded_good_1(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	long n = read_shielded(fd, buf, 8);
	total += n;
	pthread_mutex_unlock(&mu);
	return n;
}

long late_bad_1(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	long n = read_late(fd, buf, 8);
	pthread_mutex_unlock(&mu);
	return n;
}
