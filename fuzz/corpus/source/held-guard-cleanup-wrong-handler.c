// A handler is registered, but it does not release the guard that is held:
// the analyzer reads the handler's body to know what it releases.
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
	pthread_cleanup_pop(0);
	pthread_mutex_unlock(&b);
}

void unrelated_handler_bad_2(int fd, char *buf)
{
	pthread_mutex_lock(&a);
	pthread_cleanup_push(say_bye, "bye\n");
	read(fd, buf, 8);
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
