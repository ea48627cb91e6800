// realloc hands the old block over when it succeeds: the new pointer is
// owned when non-NULL. (The failure branch: realloc-failed.c.)
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long grow_bad_1(int fd)
{
	char *p = malloc(16);
	if (!p)
		return -1;
	char *q = realloc(p, 64);
	if (!q) {
		free(p);
		return -1;
	}
	long n = read(fd, q, 64);
	free(q);
	return n;
}

long grow_good_1(int fd)
{
	char *p = malloc(16);
	if (!p)
		return -1;
	char *q = realloc(p, 64);
	if (!q) {
		free(p);
		return write(2, "oom\n", 4);
	}
	q[63] = 0;
	free(q);
	return read(fd, &fd, sizeof fd);
}
