// A same-TU function that locks and returns acquires for its caller; one
// that unlocks releases. The finding is at the caller's read, the note at
// the wrapper call.
#include <pthread.h>
#include <unistd.h>

struct queue {
	pthread_mutex_t mu;
	int len;
	char data[64];
};

void stop(pthread_t t) { pthread_cancel(t); }

static void lock_queue(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
}

static void unlock_queue(struct queue *q)
{
	pthread_mutex_unlock(&q->mu);
}

// Two levels of wrapping.
static void lock_queue_checked(struct queue *q)
{
	lock_queue(q);
	if (q->len < 0)
		q->len = 0;
}

int fill_bad_1(struct queue *q, int fd)
{
	lock_queue(q);
	int n = read(fd, q->data, sizeof q->data);
	q->len = n;
	unlock_queue(q);
	return n;
}

int fill_bad_2(struct queue *q, int fd)
{
	lock_queue_checked(q);
	int n = read(fd, q->data, sizeof q->data);
	q->len = n;
	unlock_queue(q);
	return n;
}

// The wrapper's guard is the argument's: unlocking another queue does not
// release this one.
int move_bad_3(struct queue *dst, struct queue *src, int fd)
{
	lock_queue(dst);
	lock_queue(src);
	dst->len = src->len;
	unlock_queue(src);
	return write(fd, dst->data, dst->len);
}

int fill_good_1(struct queue *q, int fd)
{
	char tmp[64];
	int n = read(fd, tmp, sizeof tmp);
	lock_queue(q);
	for (int i = 0; i < n; i++)
		q->data[i] = tmp[i];
	q->len = n;
	unlock_queue(q);
	return n;
}

// The wrappers themselves hold nothing across a cancellation point.
int peek_good_2(struct queue *q, int fd)
{
	lock_queue(q);
	int len = q->len;
	unlock_queue(q);
	return write(fd, &len, sizeof len);
}
