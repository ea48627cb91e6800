// Code that uses no thread cancellation gets no findings from the posix
// model: it is off unless the file uses cancellation or a config/--model
// turns it on. This file holds every shape posix-*.c flags.
// Forced on, the same code is full of findings.
// ON-COUNT-4: warning:
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

void *waiter_1(void *arg)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	return arg;
}

int reader_2(int fd)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 64);
	free(buf);
	return (int)n;
}

int opener_3(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	sleep(1);
	return close(fd);
}

int writer_4(int fd)
{
	pthread_mutex_lock(&mu);
	ssize_t n = write(fd, "x", 1);
	pthread_mutex_unlock(&mu);
	return (int)n;
}
