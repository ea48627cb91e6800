// Functions defined in the same file are summarized under the posix model
// too: a helper that calls a cancellation point is one, a helper that locks
// acquires, a helper that allocates returns an owned value.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct q { pthread_mutex_t mu; pthread_cond_t cv; int len; int fd; };

static void q_lock(struct q *q) { pthread_mutex_lock(&q->mu); }
static void q_unlock(struct q *q) { pthread_mutex_unlock(&q->mu); }
static int q_flush(struct q *q) { return fsync(q->fd); }
static char *q_buf(void) { return malloc(256); }
static int q_count(struct q *q) { return q->len; }

int push_bad_1(struct q *q)
{
	q_lock(q);
	q->len++;
	int rc = q_flush(q);
	q_unlock(q);
	return rc;
}

int push_good_1(struct q *q)
{
	q_lock(q);
	q->len++;
	q_unlock(q);
	return q_flush(q);
}

// A helper with no cancellation point is not one.
int count_good_2(struct q *q)
{
	q_lock(q);
	int n = q_count(q);
	q_unlock(q);
	return n;
}

int fill_bad_3(struct q *q)
{
	char *b = q_buf();
	if (!b)
		return -1;
	int rc = q_flush(q);
	free(b);
	return rc;
}

void stop(pthread_t t) { pthread_cancel(t); }
