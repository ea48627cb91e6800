// A cleanup handler defined in this file is judged by what it does: one
// that releases nothing does not cover the mutex. (Only a handler whose body
// cannot be seen is assumed to release everything.)
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void log_cb(void *p) { (void)p; }
static void unlock_cb(void *m) { pthread_mutex_unlock(m); }

void *wait_bad_1(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(log_cb, NULL);
	pthread_testcancel();
	pthread_cleanup_pop(0);
	pthread_mutex_unlock(&mu);
	return arg;
}

void *wait_bad_2(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(log_cb, arg);
	pthread_testcancel();
	pthread_cleanup_pop(0);
	pthread_mutex_unlock(&mu);
	return arg;
}

void *wait_good_3(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(unlock_cb, &mu);
	pthread_testcancel();
	pthread_cleanup_pop(1);
	return arg;
}
