// Cancellation disabled around the whole locked region: the cancellation
// points inside it cannot act, so nothing is left held.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

long read_good_1(int fd, char *buf, unsigned n)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_mutex_lock(&mu);
	long got = read(fd, buf, n);
	pthread_testcancel();
	pthread_mutex_unlock(&mu);
	pthread_setcancelstate(old, 0);
	return got;
}

void wait_good_2(void)
{
	int old;
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	ready = 0;
	pthread_setcancelstate(old, 0);
	pthread_mutex_unlock(&mu);
}

// Cancellation re-enabled only after the unlock: the read after it holds
// nothing.
long read_good_3(int fd, char *buf, unsigned n)
{
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, 0);
	pthread_mutex_lock(&mu);
	sleep(1);
	pthread_mutex_unlock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, 0);
	return read(fd, buf, n);
}
