// A field of a local struct is not a place that owns anything beyond the
// function: a value stored there is still lost on the cancel edge. (Fields
// reached through a pointer, globals and arrays are owning places; see
// stored-before-read.c.)
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

long local_struct_bad_1(int fd)
{
	struct conn tmp;
	tmp.buf = malloc(64);
	tmp.fd = fd;
	long n = read(tmp.fd, tmp.buf, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'tmp.buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-4]]:12: note: 'tmp.buf' obtained here from 'malloc'
	free(tmp.buf);
	return n;
}

long local_var_bad_2(int fd)
{
	char *bufs[2];
	bufs[0] = malloc(64);
	long n = read(fd, bufs[0], 64);
// CHECK: :[[@LINE-1]]:11: warning: 'bufs[0]' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:12: note: 'bufs[0]' obtained here from 'malloc'
	free(bufs[0]);
	return n;
}
