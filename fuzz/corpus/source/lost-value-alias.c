// The same buffer named two ways: obtained into one variable, released
// through a copy of it.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long copy_freed_good_1(int fd)
{
	char *buf = malloc(64);
	char *p = buf;
	p[0] = 0;
	free(p);
	return read(fd, &fd, sizeof fd);
}

// The copy is what the read sees; the value is still owned.
long copy_bad_1(int fd)
{
	char *buf = malloc(64);
	char *p = buf;
	long n = read(fd, p, 64);
	free(buf);
	return n;
}

// Reassigning the variable does not release what it held.
long overwritten_bad_2(int fd)
{
	char *buf = malloc(64);
	char *keep = buf;
	buf = NULL;
	long n = read(fd, keep, 64);
	free(keep);
	return n;
}
