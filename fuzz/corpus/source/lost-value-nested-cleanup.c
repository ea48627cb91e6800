// Nested cleanup handlers, one per buffer. Popping the inner one with
// pop(0) leaves its buffer unprotected at the next cancellation point.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long nested_good_1(int fd)
{
	long n;
	char *a = malloc(64);
	pthread_cleanup_push(free, a);
	char *b = malloc(64);
	pthread_cleanup_push(free, b);
	n = read(fd, a, 64);
	n += read(fd, b, 64);
	pthread_cleanup_pop(1);
	n += read(fd, a, 64);
	pthread_cleanup_pop(1);
	return n;
}

long inner_popped_bad_1(int fd)
{
	long n;
	char *a = malloc(64);
	pthread_cleanup_push(free, a);
	char *b = malloc(64);
	pthread_cleanup_push(free, b);
	n = read(fd, b, 64);
	pthread_cleanup_pop(0);
	n += read(fd, a, 64);
	free(b);
	pthread_cleanup_pop(1);
	return n;
}
