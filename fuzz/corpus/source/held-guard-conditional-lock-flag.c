// The lock taken under a condition, remembered in a local flag, and
// released when the flag is set: on every path the mutex is free again
// before the read.
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long flag_good_1(int fd, char *buf, int threads)
{
	bool locked = false;
	if (threads > 1) {
		pthread_mutex_lock(&mu);
		locked = true;
	}
	counter++;
	if (locked)
		pthread_mutex_unlock(&mu);
	return read(fd, buf, 8);
}
