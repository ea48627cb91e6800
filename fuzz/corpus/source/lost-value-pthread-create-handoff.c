// pthread_create hands its last argument to the new thread, which owns it
// from then on: joining afterwards loses nothing.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct job {
	int fd;
	char buf[64];
};

static void *worker(void *arg)
{
	struct job *j = arg;
	read(j->fd, j->buf, sizeof j->buf);
	free(j);
	return 0;
}

void stop(pthread_t t) { pthread_cancel(t); }

int spawn_good_1(int fd)
{
	pthread_t t;
	struct job *j = malloc(sizeof *j);
	if (!j)
		return -1;
	j->fd = fd;
	if (pthread_create(&t, 0, worker, j) != 0) {
		free(j);
		return -1;
	}
	return pthread_join(t, 0);
}
