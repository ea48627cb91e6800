// A variable with __attribute__((cleanup(fn))) is released on POSIX
// cancellation only when the thread unwinds through its frame, which glibc
// does in code compiled with -fexceptions. Without it the cleanup does not
// run on cancellation and the value leaks.
// The last flag wins.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void freep(char **p) { free(*p); }

ssize_t slurp_1(int fd)
{
	__attribute__((cleanup(freep))) char *buf = malloc(4096);
	if (!buf)
		return -1;
	return read(fd, buf, 4096);
}

// Not covered by any cleanup: a finding either way.
ssize_t slurp_bad_2(int fd)
{
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 4096);
	free(buf);
	return n;
}

void *stop(pthread_t t) { pthread_cancel(t); return NULL; }
