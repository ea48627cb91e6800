// Guards of the posix model: pthread mutexes, rwlocks and spinlocks, and
// semaphore counts. The try/timed forms hold the guard only when they
// return 0. Held across a cancellation point with no cleanup handler, each
// is a finding.
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_spinlock_t spin;
static sem_t slots;

int rdlock_bad_1(int fd, char *c)
{
	pthread_rwlock_rdlock(&rw);
	int n = (int)read(fd, c, 1);
	pthread_rwlock_unlock(&rw);
	return n;
}

int wrlock_bad_2(int fd, char *c)
{
	pthread_rwlock_wrlock(&rw);
	int n = (int)write(fd, c, 1);
	pthread_rwlock_unlock(&rw);
	return n;
}

int spin_bad_3(void)
{
	pthread_spin_lock(&spin);
	usleep(10);
	pthread_spin_unlock(&spin);
	return 0;
}

// A semaphore count taken by sem_wait is a guard until sem_post.
int slot_bad_4(int fd, char *c)
{
	sem_wait(&slots);
	int n = (int)read(fd, c, 1);
	sem_post(&slots);
	return n;
}

// sem_wait is itself a cancellation point, but cancelled there it has not
// taken the count: nothing is held.
int slot_good_4(void)
{
	sem_wait(&slots);
	sem_post(&slots);
	return 0;
}

int trylock_bad_5(int fd, char *c)
{
	if (pthread_mutex_trylock(&mu) != 0)
		return -1;
	int n = (int)read(fd, c, 1);
	pthread_mutex_unlock(&mu);
	return n;
}

// Only the failure branch reads.
int trylock_good_5(int fd, char *c)
{
	if (pthread_mutex_trylock(&mu) == 0) {
		pthread_mutex_unlock(&mu);
		return 0;
	}
	return (int)read(fd, c, 1);
}

int timedlock_bad_6(const struct timespec *ts)
{
	int rc = pthread_mutex_timedlock(&mu, ts);
	if (rc)
		return rc;
	sleep(1);
	pthread_mutex_unlock(&mu);
	return 0;
}

int semtimed_bad_7(const struct timespec *ts)
{
	if (sem_timedwait(&slots, ts) != 0)
		return -1;
	sleep(1);
	sem_post(&slots);
	return 0;
}

int semtry_good_7(void)
{
	if (sem_trywait(&slots) == 0)
		sem_post(&slots);
	sleep(1);
	return 0;
}

// pthread_mutex_lock is not a cancellation point: lock-unlock pairs with no
// cancellation point between them are fine.
int counter_good_8(int *n)
{
	pthread_mutex_lock(&mu);
	++*n;
	pthread_mutex_unlock(&mu);
	return sleep(1);
}
