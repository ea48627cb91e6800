/* The same finding twice in one file (same check, same message): their
 * fingerprints must still differ. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

int first(int fd)
{
	char *p = malloc(4);
	int r = (int)read(fd, p, 4);
	free(p);
	return r;
}

int second(int fd)
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
