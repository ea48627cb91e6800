// Control flow hidden in a macro: CHECK(x) returns from the function when
// x is false. The hidden return is an ordinary path; the cancellation
// points are what matter.
#include <pthread.h>
#include <unistd.h>

#define CHECK(x) do { if (!(x)) return -1; } while (0)
#define CHECK_UNLOCK(x, m) \
	do { if (!(x)) { pthread_mutex_unlock(m); return -1; } } while (0)

struct queue {
	pthread_mutex_t mu;
	int len;
	char data[64];
};

void stop(pthread_t t) { pthread_cancel(t); }

// The macro's early exit unlocks; the fallthrough still holds the mutex.
int pop_bad_1(struct queue *q, int fd)
{
	pthread_mutex_lock(&q->mu);
	CHECK_UNLOCK(q->len > 0, &q->mu);
	int n = write(fd, q->data, q->len);
	q->len = 0;
	pthread_mutex_unlock(&q->mu);
	return n;
}

// The read is inside the macro argument, with the mutex held.
int fill_bad_2(struct queue *q, int fd)
{
	pthread_mutex_lock(&q->mu);
	CHECK_UNLOCK(read(fd, q->data, 8) == 8, &q->mu);
	q->len = 8;
	pthread_mutex_unlock(&q->mu);
	return 0;
}

int pop_good_1(struct queue *q, int fd)
{
	char copy[64];
	int len;
	pthread_mutex_lock(&q->mu);
	CHECK_UNLOCK(q->len > 0, &q->mu);
	len = q->len;
	for (int i = 0; i < len; i++)
		copy[i] = q->data[i];
	q->len = 0;
	pthread_mutex_unlock(&q->mu);
	return write(fd, copy, len);
}

// CHECK's hidden return happens before the lock: the read after it is
// reached with nothing held.
int fill_good_2(struct queue *q, int fd)
{
	char tmp[8];
	CHECK(fd >= 0);
	CHECK(read(fd, tmp, 8) == 8);
	pthread_mutex_lock(&q->mu);
	for (int i = 0; i < 8; i++)
		q->data[i] = tmp[i];
	q->len = 8;
	pthread_mutex_unlock(&q->mu);
	return 0;
}
