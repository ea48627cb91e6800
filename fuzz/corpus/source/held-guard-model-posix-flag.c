// The same code as no-cancellation-tu.c, with --model=posix forcing the
// model on: now the lock across the read is a finding.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

long read_locked_bad_1(int fd, char *buf, unsigned n)
{
	pthread_mutex_lock(&mu);
	long got = read(fd, buf, n);
	pthread_mutex_unlock(&mu);
	return got;
}

void wait_bad_2(void)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
}
