// Summaries keep the order of events: a helper that unlocks and then reads
// releases before its cancellation point; one that reads and then unlocks
// holds the caller's mutex across it.
#include <pthread.h>
#include <unistd.h>

struct queue {
	pthread_mutex_t mu;
	int len;
};

void stop(pthread_t t) { pthread_cancel(t); }

static long unlock_then_read(struct queue *q, int fd, char *buf)
{
	int len = q->len;
	pthread_mutex_unlock(&q->mu);
	return read(fd, buf, len);
}

static long read_then_unlock(struct queue *q, int fd, char *buf)
{
	long n = read(fd, buf, q->len);
	pthread_mutex_unlock(&q->mu);
	return n;
}

long unlock_first_good_1(struct queue *q, int fd, char *buf)
{
	pthread_mutex_lock(&q->mu);
	q->len = 8;
	return unlock_then_read(q, fd, buf);
}

long read_first_bad_1(struct queue *q, int fd, char *buf)
{
	pthread_mutex_lock(&q->mu);
	q->len = 8;
	return read_then_unlock(q, fd, buf);
}
