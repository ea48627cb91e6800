// A TU that never uses cancellation (no pthread_cancel, testcancel,
// setcancelstate/type, cleanup_push): the posix model stays off and a lock
// held across read is not a cancel-correctness finding.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

long read_locked_good_1(int fd, char *buf, unsigned n)
{
	pthread_mutex_lock(&mu);
	long got = read(fd, buf, n);
	pthread_mutex_unlock(&mu);
	return got;
}

void wait_good_2(void)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
}

long buffer_good_3(int fd)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	long got = read(fd, buf, 64);
	free(buf);
	return got;
}

void *worker(void *arg)
{
	read_locked_good_1(*(int *)arg, 0, 0);
	return 0;
}

int main(void)
{
	pthread_t t;
	int fd = 0;
	pthread_create(&t, 0, worker, &fd);
	return pthread_join(t, 0);
}
