// pthread_cleanup_pop(0) drops the handler without freeing: a cancellation
// point after it, while the buffer is still owned, loses the buffer.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long popped_bad_1(int fd)
{
	long n;
	char *buf = malloc(64);
	pthread_cleanup_push(free, buf);
	n = read(fd, buf, 64);
	pthread_cleanup_pop(0);
	n += write(fd, buf, n);
	free(buf);
	return n;
}

// pop(1) frees it: nothing is owned at the write.
long popped_good_1(int fd)
{
	long n;
	char *buf = malloc(64);
	pthread_cleanup_push(free, buf);
	n = read(fd, buf, 64);
	pthread_cleanup_pop(1);
	return write(fd, "x", 1) + n;
}
