// On the branch where malloc returned NULL nothing is owned: a cancellation
// point there loses nothing. On the non-NULL branch the buffer is owned.
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long oom_good_1(int fd, size_t n)
{
	char *buf = malloc(n);
	if (!buf) {
		write(2, "out of memory\n", 14);
		return -1;
	}
	memset(buf, 0, n);
	free(buf);
	return read(fd, &n, sizeof n);
}

long oom_good_2(int fd, size_t n)
{
	char *buf = malloc(n);
	if (buf == NULL)
		return write(2, "out of memory\n", 14);
	buf[0] = 1;
	free(buf);
	return 0;
}

long oom_good_3(int fd, size_t n)
{
	char *buf = malloc(n);
	if (NULL != buf) {
		buf[0] = 1;
		free(buf);
	} else {
		sleep(1);
	}
	return read(fd, &n, sizeof n);
}

// The neighbour: the write is on the branch that owns the buffer.
long nonnull_bad_1(int fd, size_t n)
{
	char *buf = malloc(n);
	if (buf) {
		write(2, "allocated\n", 10);
		free(buf);
	}
	return 0;
}
