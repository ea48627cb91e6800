// Returning a value to the caller consumes it, but the cancel edge at a
// cancellation point before the return leaves without returning anything.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

char *read_line_bad_1(int fd)
{
	char *line = malloc(128);
	if (!line)
		return NULL;
	if (read(fd, line, 127) <= 0) {
		free(line);
		return NULL;
	}
	return line;
}

int open_and_check_bad_2(const char *path)
{
	char magic[4];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	if (read(fd, magic, 4) != 4) {
		close(fd);
		return -1;
	}
	return fd;
}

// Returned with no cancellation point while owned.
char *fresh_good_1(int fd, unsigned *len)
{
	if (read(fd, len, sizeof *len) != sizeof *len)
		return NULL;
	char *p = malloc(*len);
	return p;
}
