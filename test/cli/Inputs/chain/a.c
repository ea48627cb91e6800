/* The cancelled thread holds a lock across b_sync(), which waits in c.c. */
#include <pthread.h>

int b_sync(int fd);

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_t syncer;

static void *sync_loop(void *arg)
{
	for (;;) {
		pthread_mutex_lock(&mu);
		b_sync(0);
		pthread_mutex_unlock(&mu);
	}
	return arg;
}

int main(void)
{
	pthread_create(&syncer, NULL, sync_loop, NULL);
	pthread_cancel(syncer);
	return pthread_join(syncer, NULL);
}
