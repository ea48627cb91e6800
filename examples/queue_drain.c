#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct queue { pthread_mutex_t mu; pthread_cond_t cv; int len; };

void *drain(void *arg) {
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

static void unlock_cb(void *m) { pthread_mutex_unlock(m); }

void *drain_good(void *arg) {
	struct queue *q = arg;
	pthread_mutex_lock(&q->mu);
	pthread_cleanup_push(unlock_cb, &q->mu);
	while (!q->len)
		pthread_cond_wait(&q->cv, &q->mu);
	q->len--;
	pthread_cleanup_pop(1);
	return NULL;
}

int reader(int fd) {
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 4096);
	free(buf);
	return n;
}

void stop(pthread_t t) { pthread_cancel(t); }
