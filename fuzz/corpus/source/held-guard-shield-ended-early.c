// The shield is lifted while the mutex is still held: the cancellation
// point after pthread_setcancelstate(old, ...) can act again.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

long restore_bad_1(int fd, char *buf, unsigned n)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_mutex_lock(&mu);
	sleep(1);
	pthread_setcancelstate(old, 0);
	long got = read(fd, buf, n);
	pthread_mutex_unlock(&mu);
	return got;
}

long enable_bad_2(int fd, char *buf, unsigned n)
{
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, 0);
	write(fd, buf, n);
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, 0);
	long got = read(fd, buf, n);
	pthread_mutex_unlock(&mu);
	return got;
}

// The shield starts too late: the first read is unprotected.
long late_bad_3(int fd, char *buf, unsigned n)
{
	int old;
	pthread_mutex_lock(&mu);
	long got = read(fd, buf, n);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	got += read(fd, buf, n);
	pthread_setcancelstate(old, 0);
	pthread_mutex_unlock(&mu);
	return got;
}
