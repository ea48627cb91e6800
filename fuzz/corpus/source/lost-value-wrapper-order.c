// A same-TU helper that takes ownership of its argument: if it suspends
// before it releases the argument, a cancel there loses the caller's value
// (cancel-unsafe consumption); if it releases first, nothing is lost.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static long send_then_free(int fd, char *msg)
{
	long n = write(fd, msg, strlen(msg));
	free(msg);
	return n;
}

static long free_then_ack(int fd, char *msg)
{
	free(msg);
	return write(fd, "ok\n", 3);
}

long send_bad_1(int fd)
{
	char *msg = strdup("hello\n");
	if (!msg)
		return -1;
	return send_then_free(fd, msg);
}

long ack_good_1(int fd)
{
	char *msg = strdup("hello\n");
	if (!msg)
		return -1;
	return free_then_ack(fd, msg);
}
