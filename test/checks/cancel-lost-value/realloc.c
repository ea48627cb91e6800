// realloc hands the old block over when it succeeds: the new pointer is
// owned when non-NULL. (The failure branch: realloc-failed.c.)
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long grow_bad_1(int fd)
{
	char *p = malloc(16);
	if (!p)
		return -1;
	char *q = realloc(p, 64);
	if (!q) {
		free(p);
		return -1;
	}
	long n = read(fd, q, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'q' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-7]]:12: note: 'q' obtained here from 'realloc'
	free(q);
	return n;
}

long grow_good_1(int fd)
{
	char *p = malloc(16);
	if (!p)
		return -1;
	char *q = realloc(p, 64);
	if (!q) {
		free(p);
		return write(2, "oom\n", 4);
	}
	q[63] = 0;
	free(q);
	return read(fd, &fd, sizeof fd);
}
