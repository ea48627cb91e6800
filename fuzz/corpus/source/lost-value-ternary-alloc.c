// Allocations in the arms of `?:`: the variable owns what either arm
// returned (when non-NULL); an arm that yields NULL owns nothing.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long ternary_bad_1(int fd, int big)
{
	char *buf = big ? malloc(4096) : malloc(64);
	if (!buf)
		return -1;
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}

// The read runs only on the `!ok` arm, which allocated nothing.
long ternary_good_1(int fd, int ok)
{
	char byte;
	char *buf = ok ? malloc(64) : NULL;
	if (!buf)
		return read(fd, &byte, 1);
	free(buf);
	return 0;
}
