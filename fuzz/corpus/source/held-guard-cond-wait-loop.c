// The classic consumer loop: pthread_cond_wait is a cancellation point and,
// when cancelled, returns to the cancellation handlers with the mutex
// re-acquired. Without a handler that unlocks it, the mutex stays locked.
#include <pthread.h>
#include <time.h>

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int len;
};

void stop(pthread_t t) { pthread_cancel(t); }

void *drain_bad_1(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_mutex_unlock(&q->mu);
	return 0;
}

int drain_bad_2(struct queue *q, const struct timespec *deadline)
{
	int rc = 0;
	pthread_mutex_lock(&q->mu);
	while (!q->len && rc == 0)
		rc = pthread_cond_timedwait(&q->cv, &q->mu, deadline);
	if (rc == 0)
		q->len--;
	pthread_mutex_unlock(&q->mu);
	return rc;
}
