// A cleanup handler whose body is not in this file cannot be judged: it is
// assumed to release everything on cancellation (no finding), and --verbose
// says so.
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
extern void opaque_cb(void *p);
extern void (*hook)(void *);

void *wait_good_1(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(opaque_cb, &mu);
	pthread_testcancel();
	pthread_cleanup_pop(1);
	return arg;
}

// Through a function pointer.
void *wait_good_2(void *arg)
{
	char *p = malloc(8);
	if (!p)
		return NULL;
	pthread_cleanup_push(hook, p);
	pthread_testcancel();
	pthread_cleanup_pop(1);
	return arg;
}
