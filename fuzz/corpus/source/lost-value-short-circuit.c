// Ownership tested inside `&&` and `||`: a value is owned exactly on
// the paths where the allocation succeeded.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

int and_bad_1(const char *path, char *out)
{
	int fd;
	if ((fd = open(path, O_RDONLY)) >= 0 && read(fd, out, 64) > 0) {
		close(fd);
		return 0;
	}
	if (fd >= 0)
		close(fd);
	return -1;
}

// The right operand of `||` runs only when the allocation failed.
long or_good_1(int fd)
{
	char byte;
	char *buf;
	if ((buf = malloc(64)) != NULL || read(fd, &byte, 1) > 0) {
		free(buf);
		return 0;
	}
	return -1;
}
