// A case that allocates and falls through into a case that reads.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long op_bad_1(int op, int fd)
{
	char stackbuf[64];
	char *buf = stackbuf;
	long n;
	switch (op) {
	case 0:
		buf = malloc(64);
		if (!buf)
			return -1;
		/* fallthrough */
	case 1:
		n = read(fd, buf, 64);
		break;
	default:
		return -1;
	}
	if (buf != stackbuf)
		free(buf);
	return n;
}

long op_good_1(int op, int fd)
{
	char *buf = NULL;
	switch (op) {
	case 0:
		buf = malloc(64);
		if (!buf)
			return -1;
		buf[0] = 0;
		free(buf);
		/* fallthrough */
	case 1:
		return read(fd, &op, sizeof op);
	default:
		return -1;
	}
}
