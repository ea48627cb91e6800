// A value kept in thread-specific data (pthread_setspecific) belongs to
// the key from then on: the key's destructor releases it when the thread
// exits, cancelled or not.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_key_t scratch;

void scratch_init(void) { pthread_key_create(&scratch, free); }

void *reader_good_1(void *arg)
{
	char *buf = malloc(64);
	if (!buf)
		return NULL;
	pthread_setspecific(scratch, buf);
	read(0, buf, 64);
	return arg;
}

void *reader_bad_1(void *arg)
{
	char *buf = malloc(64);
	if (!buf)
		return NULL;
	read(0, buf, 64);
// CHECK: thread-specific-data.c:[[@LINE-1]]:2: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
	pthread_setspecific(scratch, buf);
	return arg;
}

void stop(pthread_t t) { pthread_cancel(t); }
