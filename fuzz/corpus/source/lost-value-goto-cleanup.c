// The single-exit `goto out` style: a cancellation point before the labels
// leaves without running the frees and closes under them.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

int load_bad_1(const char *path, char *out)
{
	int rc = -1;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		goto out;
	if (read(fd, out, 64) < 0)
		goto out_close;
	rc = 0;
out_close:
	close(fd);
out:
	return rc;
}

// The buffer is allocated first; open is itself a cancellation point.
int load_bad_2(const char *path)
{
	int rc = -1;
	char *buf = malloc(64);
	if (!buf)
		goto out;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		goto out_free;
	rc = 0;
	close(fd);
out_free:
	free(buf);
out:
	return rc;
}

// Everything released at the labels before any cancellation point; the
// error report after `out:` holds nothing.
int load_good_1(const char *path)
{
	int rc = -1;
	char *buf = malloc(64);
	if (!buf)
		goto out;
	buf[0] = path[0];
	rc = buf[0];
	free(buf);
out:
	if (rc < 0)
		write(2, "failed\n", 7);
	return rc;
}
