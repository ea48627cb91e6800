/* One cancel-held-guard finding: the mutex is held across read(), a POSIX
 * cancellation point, in a TU that cancels threads. Line numbers are used
 * by the tests: the lock is on line 11, the read on line 12. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int read_locked(int fd, char *buf, size_t n)
{
	pthread_mutex_lock(&lock);
	ssize_t r = read(fd, buf, n);
	pthread_mutex_unlock(&lock);
	return (int)r;
}

void stop(pthread_t t)
{
	pthread_cancel(t);
}
