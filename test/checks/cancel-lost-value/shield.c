// Cancellation disabled while the value is owned: no cancel edge, no loss.
// Re-enabled while it is still owned: the next cancellation point loses it.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

long whole_good_1(int fd)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
	free(buf);
	pthread_setcancelstate(old, 0);
	return n;
}

long ended_early_bad_1(int fd)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
	pthread_setcancelstate(old, 0);
	n += read(fd, buf, 64);
// CHECK: :[[@LINE-1]]:7: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-5]]:14: note: 'buf' obtained here from 'malloc'
	free(buf);
	return n;
}
