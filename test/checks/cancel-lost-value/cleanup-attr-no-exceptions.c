// `__attribute__((cleanup(fn)))` runs when the scope is left normally. On
// POSIX cancellation it runs only if the frame can be unwound, which needs
// -fexceptions; compiled without it, the buffer leaks on cancel.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static void freep(void *p)
{
	free(*(void **)p);
}

static void closep(int *fd)
{
	if (*fd >= 0)
		close(*fd);
}

long scoped_bad_1(int fd)
{
	__attribute__((cleanup(freep))) char *buf = malloc(64);
	if (!buf)
		return -1;
	return read(fd, buf, 64);
// CHECK: :[[@LINE-1]]:9: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-5]]:46: note: 'buf' obtained here from 'malloc'
}

long scoped_bad_2(int fd)
{
	__attribute__((cleanup(closep))) int sock = dup(fd);
	char byte;
	return read(sock, &byte, 1);
// CHECK: :[[@LINE-1]]:9: warning: 'sock' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-4]]:46: note: 'sock' obtained here from 'dup'
}

// Without a cancellation point, the cleanup variable is freed on every
// normal exit.
long scoped_good_1(int n)
{
	__attribute__((cleanup(freep))) char *buf = malloc(64);
	if (!buf)
		return -1;
	buf[0] = (char)n;
	return buf[0];
}
