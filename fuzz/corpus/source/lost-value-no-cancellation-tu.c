// A TU that never uses cancellation: owned values across blocking calls are
// not cancel-correctness findings, for any check.
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

long buffer_good_1(int fd)
{
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}

long fd_good_2(const char *path, char *out)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long n = read(fd, out, 64);
	close(fd);
	return n;
}

int file_good_3(const char *path, int out)
{
	FILE *f = fopen(path, "r");
	char *name = strdup(path);
	write(out, name, strlen(name));
	free(name);
	if (f)
		fclose(f);
	return 0;
}
