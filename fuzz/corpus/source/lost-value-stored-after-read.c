// The neighbour of stored-before-read.c: the store comes after the
// cancellation point, so the value is still the function's at the read.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
	int fd;
	char *buf;
};

void stop(pthread_t t) { pthread_cancel(t); }

long field_bad_1(struct conn *c)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	long n = read(c->fd, buf, 64);
	c->buf = buf;
	return n;
}
