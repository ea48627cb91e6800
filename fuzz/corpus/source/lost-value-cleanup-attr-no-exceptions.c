// `__attribute__((cleanup(fn)))` runs when the scope is left normally. On
// POSIX cancellation it runs only if the frame can be unwound, which needs
// -fexceptions; compiled without it, the buffer leaks on cancel.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static void freep(void *p)
{
	free(*(void **)p);
}

static void closep(int *fd)
{
	if (*fd >= 0)
		close(*fd);
}

long scoped_bad_1(int fd)
{
	__attribute__((cleanup(freep))) char *buf = malloc(64);
	if (!buf)
		return -1;
	return read(fd, buf, 64);
}

long scoped_bad_2(int fd)
{
	__attribute__((cleanup(closep))) int sock = dup(fd);
	char byte;
	return read(sock, &byte, 1);
}

// Without a cancellation point, the cleanup variable is freed on every
// normal exit.
long scoped_good_1(int n)
{
	__attribute__((cleanup(freep))) char *buf = malloc(64);
	if (!buf)
		return -1;
	buf[0] = (char)n;
	return buf[0];
}
