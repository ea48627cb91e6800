// sem_wait is a cancellation point that acquires a count: cancelled there,
// it took nothing, so the sem_wait itself is not a finding. The count it
// took is held across later cancellation points until sem_post.
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <unistd.h>

static sem_t slots;
static sem_t items;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

void held_count_bad_1(int fd, char *buf)
{
	sem_wait(&slots);
	read(fd, buf, 8);
	sem_post(&slots);
}

// The second sem_wait is a cancellation point while the first count is
// held; it is reported for `&slots`, not for what it acquires itself.
void two_counts_bad_2(void)
{
	sem_wait(&slots);
	sem_wait(&items);
	sem_post(&items);
	sem_post(&slots);
}

// A mutex held while waiting on a semaphore.
void mutex_then_sem_bad_3(void)
{
	pthread_mutex_lock(&mu);
	sem_wait(&items);
	pthread_mutex_unlock(&mu);
	sem_post(&items);
}

// sem_timedwait takes a count only when it returns 0; cancelled in it,
// it took nothing.
int timed_bad_4(int fd, char *buf, const struct timespec *ts)
{
	if (sem_timedwait(&slots, ts) != 0)
		return read(fd, buf, 8);
	int n = read(fd, buf, 8);
	sem_post(&slots);
	return n;
}

void single_wait_good_1(void)
{
	sem_wait(&slots);
	sem_post(&items);
	sem_post(&slots);
}

void trywait_good_2(int fd, char *buf)
{
	if (sem_trywait(&slots) != 0) {
		read(fd, buf, 8);
		return;
	}
	sem_post(&slots);
	read(fd, buf, 8);
}
