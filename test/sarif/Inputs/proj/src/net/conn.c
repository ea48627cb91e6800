/* Findings of two checks, each with notes: a guard held across read()
 * (line 14, acquired on line 13) and a malloc'd buffer lost if read() is
 * cancelled (line 22, obtained on line 21). Line 22 has a non-ASCII
 * character before the call: SARIF columns count characters, not bytes. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int held(int fd, char *buf)
{
	pthread_mutex_lock(&lock);
	int r = (int)read(fd, buf, 4);
	pthread_mutex_unlock(&lock);
	return r;
}

int lost(int fd)
{
	char *p = malloc(4);
	/* é */ int r = (int)read(fd, p, 4);
	free(p);
	return r;
}

void stop(pthread_t t)
{
	pthread_cancel(t);
}
