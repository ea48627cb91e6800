// Cancellation disabled while the value is owned: no cancel edge, no loss.
// Re-enabled while it is still owned: the next cancellation point loses it.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

long whole_good_1(int fd)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
	free(buf);
	pthread_setcancelstate(old, 0);
	return n;
}

long ended_early_bad_1(int fd)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
	pthread_setcancelstate(old, 0);
	n += read(fd, buf, 64);
	free(buf);
	return n;
}
