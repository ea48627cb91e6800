// A field of a local struct is not a place that owns anything beyond the
// function: a value stored there is still lost on the cancel edge. (Fields
// reached through a pointer, globals and arrays are owning places; see
// stored-before-read.c.)
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
	int fd;
	char *buf;
};

void stop(pthread_t t) { pthread_cancel(t); }

long local_struct_bad_1(int fd)
{
	struct conn tmp;
	tmp.buf = malloc(64);
	tmp.fd = fd;
	long n = read(tmp.fd, tmp.buf, 64);
	free(tmp.buf);
	return n;
}

long local_var_bad_2(int fd)
{
	char *bufs[2];
	bufs[0] = malloc(64);
	long n = read(fd, bufs[0], 64);
	free(bufs[0]);
	return n;
}
