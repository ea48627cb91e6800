// With -fexceptions the cleanup runs on cancel, but only what the cleanup
// function releases is covered: a cleanup that does not free the value,
// or a second value without a cleanup, still leaks.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread -fexceptions \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
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
// CHECK: :[[@LINE-1]]:11: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:45: note: 'buf' obtained here from 'malloc'
	free(buf);
	return n;
}

long second_value_bad_2(int fd)
{
	__attribute__((cleanup(freep))) char *a = malloc(64);
	char *b = malloc(64);
	long n = read(fd, a, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'b' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:12: note: 'b' obtained here from 'malloc'
	free(b);
	return n;
}
