// A case that allocates and falls through into a case that reads.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long op_bad_1(int op, int fd)
{
	char stackbuf[64];
	char *buf = stackbuf;
	long n;
	switch (op) {
	case 0:
		buf = malloc(64);
		if (!buf)
			return -1;
		/* fallthrough */
	case 1:
		n = read(fd, buf, 64);
// CHECK: :[[@LINE-1]]:7: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-7]]:9: note: 'buf' obtained here from 'malloc'
		break;
	default:
		return -1;
	}
	if (buf != stackbuf)
		free(buf);
	return n;
}

long op_good_1(int op, int fd)
{
	char *buf = NULL;
	switch (op) {
	case 0:
		buf = malloc(64);
		if (!buf)
			return -1;
		buf[0] = 0;
		free(buf);
		/* fallthrough */
	case 1:
		return read(fd, &op, sizeof op);
	default:
		return -1;
	}
}
