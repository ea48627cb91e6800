/* A queue drained by a thread that may be cancelled. */
#include <pthread.h>

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int len;
};

void stop(pthread_t t) { pthread_cancel(t); }

void *drain(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	while (!q->len)
		/* é𝄞 */ pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_mutex_unlock(&q->mu);
	return 0;
}
