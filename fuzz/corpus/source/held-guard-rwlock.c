// Read-write locks are guards like mutexes, in both modes.
#include <pthread.h>
#include <unistd.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static char table[64];

void stop(pthread_t t) { pthread_cancel(t); }

void rdlock_bad_1(int fd)
{
	pthread_rwlock_rdlock(&rw);
	write(fd, table, sizeof table);
	pthread_rwlock_unlock(&rw);
}

void wrlock_bad_2(int fd)
{
	pthread_rwlock_wrlock(&rw);
	read(fd, table, sizeof table);
	pthread_rwlock_unlock(&rw);
}

void tryrdlock_bad_3(int fd)
{
	if (pthread_rwlock_tryrdlock(&rw) == 0) {
		write(fd, table, sizeof table);
		pthread_rwlock_unlock(&rw);
	}
}

// Copy under the lock, write after unlocking.
void snapshot_good_1(int fd)
{
	char copy[sizeof table];
	pthread_rwlock_rdlock(&rw);
	for (unsigned i = 0; i < sizeof table; i++)
		copy[i] = table[i];
	pthread_rwlock_unlock(&rw);
	write(fd, copy, sizeof copy);
}

void trywrlock_good_2(int fd)
{
	if (pthread_rwlock_trywrlock(&rw) != 0) {
		write(fd, "busy\n", 5);
		return;
	}
	table[0] = 0;
	pthread_rwlock_unlock(&rw);
}
