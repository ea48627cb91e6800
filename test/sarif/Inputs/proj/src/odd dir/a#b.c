/* A path with a space and a '#': its relative URI is percent-encoded. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int held(int fd, char *buf)
{
	pthread_mutex_lock(&lock);
	int r = (int)read(fd, buf, 4);
	pthread_mutex_unlock(&lock);
	return r;
}

void stop(pthread_t t)
{
	pthread_cancel(t);
}
