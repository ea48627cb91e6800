// trylock/timedlock hold nothing when they fail, and the success branch
// releases the mutex before blocking.
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int shared;

void stop(pthread_t t) { pthread_cancel(t); }

int released_good_1(int fd, char *buf)
{
	int snap = 0;
	if (pthread_mutex_trylock(&mu) == 0) {
		snap = shared;
		pthread_mutex_unlock(&mu);
		return read(fd, buf, snap);
	}
	return -1;
}

// Busy: the read on the failure branch holds nothing.
int failed_good_2(int fd, char *buf)
{
	if (pthread_mutex_trylock(&mu) != 0)
		return read(fd, buf, 8);
	shared++;
	pthread_mutex_unlock(&mu);
	return 0;
}

int saved_rc_good_3(int fd, char *buf, const struct timespec *ts)
{
	int rc = pthread_mutex_timedlock(&mu, ts);
	if (rc)
		return write(fd, "timeout\n", 8);
	shared = buf[0];
	pthread_mutex_unlock(&mu);
	return write(fd, buf, 8);
}

// Retry loop: sleep only while not holding the mutex.
void retry_good_4(void)
{
	while (pthread_mutex_trylock(&mu) != 0)
		usleep(100);
	shared++;
	pthread_mutex_unlock(&mu);
}
