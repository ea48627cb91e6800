/* x.c and y.c call each other: their summaries settle together. */
#include <pthread.h>
#include <unistd.h>

int y_step(int fd, int n);

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

int x_step(int fd, int n)
{
	char c;
	if (n <= 0)
		return (int)read(fd, &c, 1);
	return y_step(fd, n - 1);
}

static void *worker(void *arg)
{
	for (;;) {
		pthread_mutex_lock(&mu);
		x_step(0, 3);
		pthread_mutex_unlock(&mu);
	}
	return arg;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	return pthread_join(t, NULL);
}
