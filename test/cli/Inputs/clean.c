/* No findings: the lock is released before the cancellation point, and
 * the buffer is freed in a cleanup handler around it. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int counter;

int bump_then_read(int fd, char *buf, size_t n)
{
	pthread_mutex_lock(&lock);
	counter++;
	pthread_mutex_unlock(&lock);
	return (int)read(fd, buf, n);
}

int read_owned(int fd)
{
	char *p = malloc(16);
	if (!p)
		return -1;
	int r;
	pthread_cleanup_push(free, p);
	r = (int)read(fd, p, 16);
	pthread_cleanup_pop(1);
	return r;
}

void stop(pthread_t t)
{
	pthread_cancel(t);
}
