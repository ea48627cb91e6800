// Heap memory owned across a cancellation point: the cancel edge leaves the
// function before the free, and the buffer leaks.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long malloc_bad_1(int fd)
{
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:14: note: 'buf' obtained here from 'malloc'
// CHECK: :[[@LINE-3]]:11: note: fix:
	free(buf);
	return n;
}

// Checked for NULL first: still owned on the non-NULL path.
long calloc_bad_2(int fd)
{
	int *v = calloc(16, sizeof *v);
	if (!v)
		return -1;
	long n = read(fd, v, 16 * sizeof *v);
// CHECK: :[[@LINE-1]]:11: warning: 'v' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-5]]:11: note: 'v' obtained here from 'calloc'
	free(v);
	return n;
}

// Assigned after declaration, cancelled in sleep.
void assigned_bad_3(void)
{
	char *p;
	p = malloc(8);
	sleep(1);
// CHECK: :[[@LINE-1]]:2: warning: 'p' is leaked if 'sleep' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:6: note: 'p' obtained here from 'malloc'
	free(p);
}

// Freed before the cancellation point.
long freed_good_1(int fd)
{
	char *tmp = malloc(64);
	if (tmp) {
		tmp[0] = 0;
		free(tmp);
	}
	char buf[64];
	return read(fd, buf, sizeof buf);
}
