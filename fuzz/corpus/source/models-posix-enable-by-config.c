// This file never uses thread cancellation itself (its threads are
// cancelled from another file), so the posix model stays off unless the
// config's `models: [posix]` or --model=posix turns it on.
// Found upward, like any config.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct job { pthread_mutex_t mu; int fd; };

void *worker_bad_1(void *arg)
{
	struct job *j = arg;
	char *buf = malloc(4096);
	if (!buf)
		return NULL;
	pthread_mutex_lock(&j->mu);
	ssize_t n = read(j->fd, buf, 4096);
	pthread_mutex_unlock(&j->mu);
	free(buf);
	return n < 0 ? NULL : arg;
}

// Nothing held or owned across the cancellation point.
void *worker_good_1(void *arg)
{
	struct job *j = arg;
	char c;
	ssize_t n = read(j->fd, &c, 1);
	pthread_mutex_lock(&j->mu);
	pthread_mutex_unlock(&j->mu);
	return n < 0 ? NULL : arg;
}
