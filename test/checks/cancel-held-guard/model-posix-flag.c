// The same code as no-cancellation-tu.c, with --model=posix forcing the
// model on: now the lock across the read is a finding.
// RUN: not %cancelcheck --model=posix --checks='-*,cancel-held-guard' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

long read_locked_bad_1(int fd, char *buf, unsigned n)
{
	pthread_mutex_lock(&mu);
	long got = read(fd, buf, n);
// CHECK: :[[@LINE-1]]:13: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: :[[@LINE-3]]:2: note: '&mu' acquired here by 'pthread_mutex_lock'
	pthread_mutex_unlock(&mu);
	return got;
}

void wait_bad_2(void)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
// CHECK: :[[@LINE-1]]:3: warning: '&mu' is still held if 'pthread_cond_wait' is cancelled here [cancel-held-guard]
// CHECK: :[[@LINE-4]]:2: note: '&mu' acquired here by 'pthread_mutex_lock'
	pthread_mutex_unlock(&mu);
}
