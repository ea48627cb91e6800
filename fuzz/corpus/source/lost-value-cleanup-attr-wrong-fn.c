// With -fexceptions the cleanup runs on cancel, but only what the cleanup
// function releases is covered: a cleanup that does not free the value,
// or a second value without a cleanup, still leaks.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static void freep(void *p)
{
	free(*(void **)p);
}

static void logp(char **p)
{
	fprintf(stderr, "leaving with %p\n", (void *)*p);
}

long log_only_bad_1(int fd)
{
	__attribute__((cleanup(logp))) char *buf = malloc(64);
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}

long second_value_bad_2(int fd)
{
	__attribute__((cleanup(freep))) char *a = malloc(64);
	char *b = malloc(64);
	long n = read(fd, a, 64);
	free(b);
	return n;
}
