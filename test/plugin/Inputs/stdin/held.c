/* Fed to the plugin on standard input (stdin.test). */
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_testcancel();
	pthread_mutex_unlock(&mu);
	return arg;
}

static void *fine(void *arg)
{
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	pthread_testcancel();
	return arg;
}

int main(void)
{
	pthread_t t, u;
	pthread_create(&t, 0, worker, 0);
	pthread_create(&u, 0, fine, 0);
	pthread_cancel(t);
	pthread_cancel(u);
	return 0;
}
