// trylock/timedlock acquire only when they return 0; on that branch the
// mutex is held across the read.
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

int if_zero_bad_1(int fd, char *buf)
{
	int n = -1;
	if (pthread_mutex_trylock(&mu) == 0) {
		n = read(fd, buf, 8);
		pthread_mutex_unlock(&mu);
	}
	return n;
}

int not_bad_2(int fd, char *buf)
{
	int n = -1;
	if (!pthread_mutex_trylock(&mu)) {
		n = read(fd, buf, 8);
		pthread_mutex_unlock(&mu);
	}
	return n;
}

// Failure returns early; the fallthrough holds the mutex.
int early_exit_bad_3(int fd, char *buf)
{
	if (pthread_mutex_trylock(&mu))
		return -1;
	int n = read(fd, buf, 8);
	pthread_mutex_unlock(&mu);
	return n;
}

// The result kept in a variable and tested later.
int saved_rc_bad_4(int fd, char *buf, const struct timespec *ts)
{
	int rc = pthread_mutex_timedlock(&mu, ts);
	if (rc != 0)
		return rc;
	int n = write(fd, buf, 8);
	pthread_mutex_unlock(&mu);
	return n;
}
