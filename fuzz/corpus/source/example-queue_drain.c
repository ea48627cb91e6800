/* A work queue drained by cancellable POSIX threads. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int len;
};

/* Bug: pthread_cond_wait is a cancellation point, and it re-acquires the
 * mutex before the thread unwinds. Nothing unlocks it: the next locker
 * deadlocks. */
void *drain(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

static void unlock_mutex(void *m)
{
	pthread_mutex_unlock(m);
}

/* Fixed: a cleanup handler releases the mutex on the cancel edge. */
void *drain_fixed(void *arg)
{
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_mutex, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_cleanup_pop(1);
	return NULL;
}

/* Bug: the buffer leaks if the thread is cancelled inside read(). */
ssize_t read_record(int fd)
{
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 4096);
	free(buf);
	return n;
}

void stop_worker(pthread_t t)
{
	pthread_cancel(t);
}
