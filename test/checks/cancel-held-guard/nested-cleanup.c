// Nested cleanup handlers, each releasing one lock: every held guard has a
// handler at every cancellation point. Popping the inner one early exposes
// the inner lock only.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=gnu11 -pthread -fexceptions \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t outer = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t inner = PTHREAD_MUTEX_INITIALIZER;

static void unlock_mutex(void *m)
{
	pthread_mutex_unlock(m);
}

void nested_good_1(int fd, char *buf)
{
	pthread_mutex_lock(&outer);
	pthread_cleanup_push(unlock_mutex, &outer);
	read(fd, buf, 1);
	pthread_mutex_lock(&inner);
	pthread_cleanup_push(unlock_mutex, &inner);
	read(fd, buf, 8);
	pthread_cleanup_pop(1);
	read(fd, buf, 1);
	pthread_cleanup_pop(1);
}

// The handler is pushed before the lock is taken: it still covers the read.
void pushed_first_good_2(int fd, char *buf)
{
	pthread_cleanup_push(unlock_mutex, &outer);
	pthread_mutex_lock(&outer);
	read(fd, buf, 8);
	pthread_cleanup_pop(1);
}

void inner_popped_bad_1(int fd, char *buf)
{
	pthread_mutex_lock(&outer);
	pthread_cleanup_push(unlock_mutex, &outer);
	pthread_mutex_lock(&inner);
	pthread_cleanup_push(unlock_mutex, &inner);
	read(fd, buf, 8);
	pthread_cleanup_pop(0);
	read(fd, buf, 1);
// CHECK: :[[@LINE-1]]:2: warning: '&inner' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: :[[@LINE-6]]:2: note: '&inner' acquired here by 'pthread_mutex_lock'
	pthread_mutex_unlock(&inner);
	pthread_cleanup_pop(1);
}
