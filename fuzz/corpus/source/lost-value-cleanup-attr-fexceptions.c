// The same cleanup-attribute variables in a TU compiled with -fexceptions:
// POSIX cancellation unwinds through the frame and runs the cleanups.
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

long scoped_good_1(int fd)
{
	__attribute__((cleanup(freep))) char *buf = malloc(64);
	if (!buf)
		return -1;
	return read(fd, buf, 64);
}

long scoped_good_2(int fd)
{
	__attribute__((cleanup(closep))) int sock = dup(fd);
	char byte;
	return read(sock, &byte, 1);
}
