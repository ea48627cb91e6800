// A same-TU function that returns malloc'd memory returns ownership: the
// value it returns is owned by the caller, and the note names the wrapper.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		abort();
	return p;
}

static char *buf_new(size_t n)
{
	char *b = xmalloc(n);
	memset(b, 0, n);
	return b;
}

long xmalloc_bad_1(int fd)
{
	char *buf = xmalloc(64);
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}

long nested_bad_2(int fd)
{
	char *buf = buf_new(64);
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}

long freed_first_good_1(int fd)
{
	char *buf = buf_new(64);
	buf[0] = 1;
	free(buf);
	return read(fd, &fd, sizeof fd);
}
