// A same-TU function that returns malloc'd memory returns ownership: the
// value it returns is owned by the caller, and the note names the wrapper.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		abort();
	return p;
}

static char *buf_new(size_t n)
{
	char *b = xmalloc(n);
	memset(b, 0, n);
	return b;
}

long xmalloc_bad_1(int fd)
{
	char *buf = xmalloc(64);
	long n = read(fd, buf, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:14: note: 'buf' obtained here from 'xmalloc'
	free(buf);
	return n;
}

long nested_bad_2(int fd)
{
	char *buf = buf_new(64);
	long n = read(fd, buf, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:14: note: 'buf' obtained here from 'buf_new'
	free(buf);
	return n;
}

long freed_first_good_1(int fd)
{
	char *buf = buf_new(64);
	buf[0] = 1;
	free(buf);
	return read(fd, &fd, sizeof fd);
}
