// A handler is registered, but it does not release the guard that is held:
// the analyzer reads the handler's body to know what it releases.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

static void unlock_a(void *arg)
{
	(void)arg;
	pthread_mutex_unlock(&a);
}

static void say_bye(void *arg)
{
	fputs(arg, stderr);
}

void other_mutex_bad_1(int fd, char *buf)
{
	pthread_mutex_lock(&b);
	pthread_cleanup_push(unlock_a, 0);
	read(fd, buf, 8);
// CHECK: :[[@LINE-1]]:2: warning: '&b' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: :[[@LINE-4]]:2: note: '&b' acquired here by 'pthread_mutex_lock'
	pthread_cleanup_pop(0);
	pthread_mutex_unlock(&b);
}

void unrelated_handler_bad_2(int fd, char *buf)
{
	pthread_mutex_lock(&a);
	pthread_cleanup_push(say_bye, "bye\n");
	read(fd, buf, 8);
// CHECK: :[[@LINE-1]]:2: warning: '&a' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: :[[@LINE-4]]:2: note: '&a' acquired here by 'pthread_mutex_lock'
	pthread_cleanup_pop(0);
	pthread_mutex_unlock(&a);
}

// Two locks, one handler: only the one it does not release is reported.
void two_locks_bad_3(int fd, char *buf)
{
	pthread_mutex_lock(&a);
	pthread_cleanup_push(unlock_a, 0);
	pthread_mutex_lock(&b);
	read(fd, buf, 8);
// CHECK: :[[@LINE-1]]:2: warning: '&b' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: :[[@LINE-3]]:2: note: '&b' acquired here by 'pthread_mutex_lock'
	pthread_mutex_unlock(&b);
	pthread_cleanup_pop(1);
}

void right_handler_good_1(int fd, char *buf)
{
	pthread_mutex_lock(&a);
	pthread_cleanup_push(unlock_a, 0);
	read(fd, buf, 8);
	pthread_cleanup_pop(1);
}
