// Heap memory owned across a cancellation point: the cancel edge leaves the
// function before the free, and the buffer leaks.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long malloc_bad_1(int fd)
{
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}

// Checked for NULL first: still owned on the non-NULL path.
long calloc_bad_2(int fd)
{
	int *v = calloc(16, sizeof *v);
	if (!v)
		return -1;
	long n = read(fd, v, 16 * sizeof *v);
	free(v);
	return n;
}

// Assigned after declaration, cancelled in sleep.
void assigned_bad_3(void)
{
	char *p;
	p = malloc(8);
	sleep(1);
	free(p);
}

// Freed before the cancellation point.
long freed_good_1(int fd)
{
	char *tmp = malloc(64);
	if (tmp) {
		tmp[0] = 0;
		free(tmp);
	}
	char buf[64];
	return read(fd, buf, sizeof buf);
}
