// close() is a cancellation point that releases its own descriptor, also
// when cancelled: closing is not a finding. Another descriptor still open
// at that close is.
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

int touch_good_1(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0)
		return -1;
	return close(fd);
}

int close_twice_good_2(const char *a, const char *b)
{
	int fa = open(a, O_RDONLY);
	if (fa < 0)
		return -1;
	close(fa);
	int fb = open(b, O_RDONLY);
	if (fb < 0)
		return -1;
	close(fb);
	return 0;
}

int two_fds_bad_1(const char *a, const char *b)
{
	int fa = open(a, O_RDONLY);
	if (fa < 0)
		return -1;
	int fb = open(b, O_RDONLY);
	if (fb < 0) {
		close(fa);
		return -1;
	}
	close(fa);
	close(fb);
	return 0;
}
