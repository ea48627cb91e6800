// pthread_cleanup_push/pop: under POSIX deferred cancellation the handlers
// pushed at a cancellation point are what runs when the thread is cancelled
// there. A handler that releases the guard or frees the value covers it,
// from its push to its pop.
// glibc expands the macros differently with -fexceptions; same findings.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void unlock_cb(void *m) { pthread_mutex_unlock(m); }
static void free_cb(void *p) { free(p); }

void *wait_good_1(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(unlock_cb, &mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_cleanup_pop(1);
	return arg;
}

// Popped (without running) before the next cancellation point.
void *wait_bad_2(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(unlock_cb, &mu);
	pthread_testcancel();
	pthread_cleanup_pop(0);
	pthread_testcancel();
	pthread_mutex_unlock(&mu);
	return arg;
}

// The handler frees the buffer but leaves the mutex locked.
void *wait_bad_3(void *arg)
{
	char *p = malloc(64);
	if (!p)
		return NULL;
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(free_cb, p);
	pthread_testcancel();
	pthread_cleanup_pop(1);
	pthread_mutex_unlock(&mu);
	return arg;
}

// Nested handlers cover both, in either order.
void *wait_good_3(void *arg)
{
	char *p = malloc(64);
	if (!p)
		return NULL;
	pthread_cleanup_push(free_cb, p);
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(unlock_cb, &mu);
	pthread_testcancel();
	pthread_cleanup_pop(1);
	pthread_cleanup_pop(1);
	return arg;
}

// The mutex locked after the push, inside the handler's region.
void *wait_good_5(void *arg)
{
	pthread_cleanup_push(unlock_cb, &mu);
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_cleanup_pop(1);
	return arg;
}

// Cleanup handlers cover owned values too.
int read_good_7(int fd)
{
	int rc;
	char *buf = malloc(256);
	if (!buf)
		return -1;
	pthread_cleanup_push(free_cb, buf);
	rc = (int)read(fd, buf, 256);
	pthread_cleanup_pop(1);
	return rc;
}

int read_bad_7(int fd)
{
	char *buf = malloc(256);
	if (!buf)
		return -1;
	int rc = (int)read(fd, buf, 256);
	free(buf);
	return rc;
}
