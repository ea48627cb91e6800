// A hand-over that fails leaves the value with the caller: pthread_create
// gives its argument to the new thread only when it returns 0, and fdopen's
// FILE takes the descriptor only when it is not NULL.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

struct job { int fd; };
static void *worker(void *arg) { free(arg); return NULL; }

int create_failed_bad_1(int fd)
{
	pthread_t t;
	struct job *j = malloc(sizeof *j);
	if (!j)
		return -1;
	j->fd = fd;
	if (pthread_create(&t, NULL, worker, j) != 0) {
		write(2, "no thread\n", 10);
		free(j);
		return -1;
	}
	return pthread_join(t, NULL);
}

int create_good_1(int fd)
{
	pthread_t t;
	struct job *j = malloc(sizeof *j);
	if (!j)
		return -1;
	j->fd = fd;
	if (pthread_create(&t, NULL, worker, j) != 0) {
		free(j);
		return -1;
	}
	return pthread_join(t, NULL);
}

int fdopen_failed_bad_2(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(fd, "r");
	if (!f) {
		write(2, "no stream\n", 10);
		close(fd);
		return -1;
	}
	int c = fgetc(f);
	fclose(f);
	return c;
}

int fdopen_good_2(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return -1;
	}
	fclose(f);
	return write(1, "ok\n", 3);
}
