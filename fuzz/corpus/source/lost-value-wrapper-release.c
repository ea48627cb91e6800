// A same-TU function that closes or frees its parameter consumes it, also
// when that release is itself a cancellation point (close): calling it is
// like calling close. Another value owned across the call is still lost.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static int fd_close(int fd)
{
	return close(fd);
}

static void buf_free(char *p)
{
	free(p);
}

int touch_good_1(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0)
		return -1;
	return fd_close(fd);
}

long scratch_good_2(int fd)
{
	char *p = malloc(16);
	buf_free(p);
	return read(fd, &fd, sizeof fd);
}

int two_values_bad_1(const char *path)
{
	char *name = malloc(64);
	if (!name)
		return -1;
	int fd = open(path, O_RDONLY);
	if (fd >= 0)
		fd_close(fd);
	buf_free(name);
	return 0;
}
