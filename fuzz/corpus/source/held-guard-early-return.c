// Early returns that unlock, and the main path that does not.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int state;

void stop(pthread_t t) { pthread_cancel(t); }

// The early return unlocks; the write on the main path is made locked.
int flush_bad_1(int fd, const char *buf)
{
	pthread_mutex_lock(&mu);
	if (state == 0) {
		pthread_mutex_unlock(&mu);
		return 0;
	}
	int n = write(fd, buf, state);
	state = 0;
	pthread_mutex_unlock(&mu);
	return n;
}

// The early return blocks before it unlocks.
int flush_bad_2(int fd, const char *buf)
{
	pthread_mutex_lock(&mu);
	if (state < 0) {
		write(2, "bad state\n", 10);
		pthread_mutex_unlock(&mu);
		return -1;
	}
	int len = state;
	pthread_mutex_unlock(&mu);
	return write(fd, buf, len);
}

int flush_good_1(int fd, const char *buf)
{
	pthread_mutex_lock(&mu);
	if (state <= 0) {
		pthread_mutex_unlock(&mu);
		return write(2, "nothing\n", 8);
	}
	int len = state;
	state = 0;
	pthread_mutex_unlock(&mu);
	return write(fd, buf, len);
}

// Returning before the lock is taken.
int flush_good_2(int fd, const char *buf)
{
	if (fd < 0)
		return write(2, "bad fd\n", 7);
	pthread_mutex_lock(&mu);
	state = buf[0];
	pthread_mutex_unlock(&mu);
	return 0;
}
