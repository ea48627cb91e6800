// pthread_cleanup_pop(1) runs a handler this file cannot see. The cancel
// edge already assumes such a handler releases everything; run on the
// normal path it releases what its argument names or contains, so the
// lock is not held after the pop (nor in the summary, nor around a loop).
#include <pthread.h>

extern void unlock_it(void *arg);	/* defined elsewhere: unlocks arg */
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int state;

struct box {
	struct { pthread_mutex_t mutex; int owner; } lock;
	int n;
};

void flush_good_1(pthread_t t)
{
	pthread_mutex_lock(&log_lock);
	pthread_cleanup_push(unlock_it, &log_lock);
	state = 1;
	pthread_cleanup_pop(1);
	pthread_join(t, NULL);
}

// The handler is given the containing object; the lock is its member.
void flush_good_2(struct box *b, pthread_t t)
{
	pthread_mutex_lock(&b->lock.mutex);
	pthread_cleanup_push(unlock_it, &b->lock);
	b->n++;
	pthread_cleanup_pop(1);
	pthread_join(t, NULL);
}

// Or the object itself.
void flush_good_3(struct box *b, pthread_t t)
{
	pthread_mutex_lock(&b->lock.mutex);
	pthread_cleanup_push(unlock_it, b);
	b->n++;
	pthread_cleanup_pop(1);
	pthread_join(t, NULL);
}

// A helper that locks and pops with execute=1 leaves nothing held for
// its caller, and a loop around it holds nothing at its head.
static void bump(void)
{
	pthread_mutex_lock(&log_lock);
	pthread_cleanup_push(unlock_it, &log_lock);
	state++;
	pthread_cleanup_pop(1);
}

void *loop_good_4(void *arg)
{
	for (;;) {
		bump();
		pthread_testcancel();
	}
	return arg;
}

// The handler is given another lock: the one still held is reported.
void flush_bad_1(pthread_t t)
{
	pthread_mutex_lock(&log_lock);
	pthread_mutex_lock(&stats_lock);
	pthread_cleanup_push(unlock_it, &stats_lock);
	state = 1;
	pthread_cleanup_pop(1);
	pthread_join(t, NULL);
	pthread_mutex_unlock(&log_lock);
}

// pop(0) does not run the handler: the lock is still held.
void flush_bad_2(pthread_t t)
{
	pthread_mutex_lock(&log_lock);
	pthread_cleanup_push(unlock_it, &log_lock);
	state = 1;
	pthread_cleanup_pop(0);
	pthread_join(t, NULL);
	pthread_mutex_unlock(&log_lock);
}
