/* Database entry b: a buffer leaked if read() is cancelled (line 10). */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

int lost_b(int fd)
{
	char *p = malloc(4);
	if (!p) return -1;
	int r = (int)read(fd, p, 4);
	free(p);
	return r;
}

void stop_b(pthread_t t) { pthread_cancel(t); }
