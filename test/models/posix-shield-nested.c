// pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old) saves the state it
// replaces; restoring `old` ends the shield only if it was enabled before,
// so nested shields (a shielded helper inside a shielded region) hold.
// RUN: not %cancelcheck %s -- -pthread | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void nested_good_1(int fd, char *buf)
{
	int old, inner;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &inner);
	read(fd, buf, 1);
	pthread_setcancelstate(inner, NULL);	/* back to disabled */
	read(fd, buf, 1);
	pthread_mutex_unlock(&mu);
	pthread_setcancelstate(old, NULL);
}

void restored_bad_1(int fd, char *buf)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(old, NULL);	/* enabled again */
	read(fd, buf, 1);
// CHECK: posix-shield-nested.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: posix-shield-nested.c:[[@LINE-4]]:2: note: '&mu' acquired here by 'pthread_mutex_lock'
// CHECK: note: fix: cancellation was re-enabled before this call
	pthread_mutex_unlock(&mu);
}

void explicit_enable_bad_2(int fd, char *buf)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
	read(fd, buf, 1);
// CHECK: posix-shield-nested.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: posix-shield-nested.c:[[@LINE-4]]:2: note: '&mu' acquired here
	pthread_mutex_unlock(&mu);
	pthread_setcancelstate(old, NULL);
}
