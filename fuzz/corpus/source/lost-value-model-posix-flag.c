// The same code as no-cancellation-tu.c with --model=posix: the values
// owned across the reads are findings.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

long buffer_bad_1(int fd)
{
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}

long fd_bad_2(const char *path, char *out)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long n = read(fd, out, 64);
	close(fd);
	return n;
}
