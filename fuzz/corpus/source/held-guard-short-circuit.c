// Lock results tested inside `&&` and `||`, and reads inside `?:` arms: the
// guard is held exactly on the paths where the trylock ran and returned 0.
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long and_bad_1(int fd, char *buf, bool ready)
{
	long n = -1;
	if (ready && pthread_mutex_trylock(&mu) == 0) {
		n = read(fd, buf, 8);
		pthread_mutex_unlock(&mu);
	}
	return n;
}

// The read is the right operand of `&&`: it runs only after the lock.
long and_bad_2(int fd, char *buf)
{
	if (pthread_mutex_trylock(&mu) == 0 && read(fd, buf, 8) > 0) {
		counter++;
		pthread_mutex_unlock(&mu);
		return 0;
	}
	return -1;
}

long or_bad_3(int fd, char *buf, bool ready)
{
	if (!ready || pthread_mutex_trylock(&mu) != 0)
		return -1;
	long n = read(fd, buf, 8);
	pthread_mutex_unlock(&mu);
	return n;
}

// The read in one arm of `?:`, evaluated with the mutex held.
long ternary_bad_4(int fd, char *buf, bool cached)
{
	pthread_mutex_lock(&mu);
	long n = cached ? counter : read(fd, buf, 8);
	pthread_mutex_unlock(&mu);
	return n;
}

// Neither path into the read holds the mutex: `!ready` skipped the
// trylock, and a failed trylock took nothing.
long or_good_1(int fd, char *buf, bool ready)
{
	if (!ready || pthread_mutex_trylock(&mu) != 0)
		return read(fd, buf, 8);
	counter++;
	pthread_mutex_unlock(&mu);
	return 0;
}

// `&&` short-circuits the read away when the lock was taken.
long and_good_3(int fd, char *buf)
{
	if (pthread_mutex_trylock(&mu) != 0 && read(fd, buf, 8) > 0)
		return 1;
	pthread_mutex_unlock(&mu);
	return 0;
}

// The read arm of `?:` runs after the unlock.
long ternary_good_4(int fd, char *buf, bool cached)
{
	pthread_mutex_lock(&mu);
	long c = counter;
	pthread_mutex_unlock(&mu);
	return cached ? c : read(fd, buf, 8);
}
