// pthread_cleanup_pop(0) removes the handler without running it. A
// cancellation point after it, with the mutex still locked, is unprotected.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
#include <pthread.h>
#include <unistd.h>

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

int take_bad_1(struct queue *q, int fd, char *buf)
{
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_mutex, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	pthread_cleanup_pop(0);
	int n = read(fd, buf, q->len);
	q->len = 0;
	pthread_mutex_unlock(&q->mu);
	return n;
}

// pop(1) runs the handler: the mutex is released before the read.
int take_good_1(struct queue *q, int fd, char *buf)
{
	int len;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_mutex, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	len = q->len;
	q->len = 0;
	pthread_cleanup_pop(1);
	return read(fd, buf, len);
}

// The read sits inside the push/pop region: the handler covers it.
int take_good_2(struct queue *q, int fd, char *buf)
{
	int n;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_mutex, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	n = read(fd, buf, q->len);
	q->len = 0;
	pthread_cleanup_pop(1);
	return n;
}
