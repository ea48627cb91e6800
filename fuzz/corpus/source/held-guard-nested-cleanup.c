// Nested cleanup handlers, each releasing one lock: every held guard has a
// handler at every cancellation point. Popping the inner one early exposes
// the inner lock only.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
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
	pthread_mutex_unlock(&inner);
	pthread_cleanup_pop(1);
}
