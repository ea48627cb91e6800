/* One finding of each check: a guard held across read() (line 13) and a
 * malloc'd buffer leaked if read() is cancelled (line 21). */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int held(int fd, char *buf)
{
	int r;
	pthread_mutex_lock(&lock);
	r = (int)read(fd, buf, 4);
	pthread_mutex_unlock(&lock);
	return r;
}

int lost(int fd)
{
	char *p = malloc(4);
	int r = (int)read(fd, p, 4);
	free(p);
	return r;
}

void stop(pthread_t t)
{
	pthread_cancel(t);
}
