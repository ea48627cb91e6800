// The same mutex named two ways: locked through one expression, unlocked
// through a pointer to it. After the unlock nothing is held.
#include <pthread.h>
#include <unistd.h>

struct queue {
	pthread_mutex_t mu;
	int len;
};

void stop(pthread_t t) { pthread_cancel(t); }

int alias_good_1(struct queue *q, int fd)
{
	pthread_mutex_t *m = &q->mu;
	pthread_mutex_lock(&q->mu);
	int len = q->len;
	pthread_mutex_unlock(m);
	return write(fd, &len, sizeof len);
}

int alias_good_2(struct queue *q, int fd)
{
	pthread_mutex_t *m = &q->mu;
	pthread_mutex_lock(m);
	int len = q->len;
	pthread_mutex_unlock(&q->mu);
	return write(fd, &len, sizeof len);
}

// Unlocking a different queue's mutex releases nothing here.
int other_bad_1(struct queue *q, struct queue *r, int fd)
{
	pthread_mutex_t *m = &r->mu;
	pthread_mutex_lock(&q->mu);
	int len = q->len;
	pthread_mutex_unlock(m);
	return write(fd, &len, sizeof len);
}
