// The same loop with the unlock registered as a cancellation cleanup
// handler: cancelled in pthread_cond_wait, the handler unlocks the mutex.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
#include <pthread.h>

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int len;
};

void stop(pthread_t t) { pthread_cancel(t); }

static void unlock_mutex(void *arg)
{
	pthread_mutex_unlock(arg);
}

static void unlock_queue(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_unlock(&q->mu);
}

// A handler that releases through another same-TU helper.
static void unlock_queue_cb(void *arg)
{
	unlock_queue(arg);
}

void *drain_good_1(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_mutex, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_cleanup_pop(1);
	return 0;
}

// The handler gets the queue and unlocks its mutex.
void *drain_good_2(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_queue, q);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_cleanup_pop(1);
	return 0;
}

// The common idiom: pthread_mutex_unlock itself, cast, as the handler.
void *drain_good_3(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push((void (*)(void *))pthread_mutex_unlock, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_cleanup_pop(1);
	return 0;
}

// pop(0) followed by an explicit unlock is just as good.
void *drain_good_4(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_mutex, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_cleanup_pop(0);
	pthread_mutex_unlock(&q->mu);
	return 0;
}

void *drain_good_5(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_queue_cb, q);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_cleanup_pop(1);
	return 0;
}
