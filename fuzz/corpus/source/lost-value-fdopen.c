// fdopen wraps a descriptor in a FILE: on success the FILE owns the
// descriptor (fclose closes it), so only the FILE can be leaked after it.
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

int wrap_bad_1(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return -1;
	}
	sleep(1);
	return fclose(f);
}

int wrap_good_1(const char *path)
{
	char line[64];
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	FILE *f = fdopen(fd, "r");
	if (!f) {
		close(fd);
		return -1;
	}
	if (!fgets(line, sizeof line, f))
		line[0] = 0;
	fclose(f);
	return write(1, line, sizeof line);
}
