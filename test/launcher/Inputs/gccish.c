#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

void note(int fd, int v)
{
	pthread_mutex_lock(&mu);
	write(fd, &v, sizeof v);
	pthread_mutex_unlock(&mu);
}
