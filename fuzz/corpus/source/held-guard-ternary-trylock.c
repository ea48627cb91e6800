// A trylock inside one arm of `?:`, its result (or a constant error) kept
// in a variable: the mutex is held exactly when the variable is 0.
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long ternary_bad_1(int fd, char *buf, bool ready)
{
	int rc = ready ? pthread_mutex_trylock(&mu) : EBUSY;
	if (rc == 0) {
		long n = read(fd, buf, 8);
		pthread_mutex_unlock(&mu);
		return n;
	}
	return -1;
}

// Neither arm holds the mutex when rc != 0.
long ternary_good_1(int fd, char *buf, bool ready)
{
	int rc = ready ? pthread_mutex_trylock(&mu) : EBUSY;
	if (rc != 0)
		return read(fd, buf, 8);
	counter++;
	pthread_mutex_unlock(&mu);
	return 0;
}
