// A same-TU function that calls a cancellation point is one itself: a value
// owned across a call to it is lost if the thread is cancelled inside.
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static long read_exact(int fd, char *buf, long n)
{
	long done = 0;
	while (done < n) {
		long r = read(fd, buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += r;
	}
	return done;
}

static void fill(char *buf, long n)
{
	for (long i = 0; i < n; i++)
		buf[i] = 0;
}

long wrapper_bad_1(int fd)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	long n = read_exact(fd, buf, 64);
	free(buf);
	return n;
}

long plain_helper_good_1(int fd)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	fill(buf, 64);
	free(buf);
	return read_exact(fd, (char *)&fd, sizeof fd);
}
