// The neighbour of stored-before-read.c: the store comes after the
// cancellation point, so the value is still the function's at the read.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
	int fd;
	char *buf;
};

void stop(pthread_t t) { pthread_cancel(t); }

long field_bad_1(struct conn *c)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	long n = read(c->fd, buf, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-5]]:14: note: 'buf' obtained here from 'malloc'
	c->buf = buf;
	return n;
}
