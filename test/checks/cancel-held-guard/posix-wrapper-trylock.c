// The same for a pthread trylock wrapper under deferred cancellation.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <unistd.h>

struct dev { pthread_mutex_t mu; int fd; char buf[64]; };

static int dev_trylock(struct dev *d)
{
	return pthread_mutex_trylock(&d->mu);
}

void *poll_good_1(void *arg)
{
	struct dev *d = arg;
	if (dev_trylock(d) != 0) {
		pthread_testcancel();	/* not locked here */
		return NULL;
	}
	d->fd = -1;
	pthread_mutex_unlock(&d->mu);
	pthread_testcancel();
	return NULL;
}

void *poll_bad_1(void *arg)
{
	struct dev *d = arg;
	if (dev_trylock(d) == 0) {
		read(d->fd, d->buf, sizeof d->buf);
// CHECK: posix-wrapper-trylock.c:[[@LINE-1]]:3: warning: '&d->mu' is still held if 'read' is cancelled here [cancel-held-guard]
		pthread_mutex_unlock(&d->mu);
	}
	return NULL;
}

void stop(pthread_t t) { pthread_cancel(t); }
