// The descriptor is closed before the next cancellation point.
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long size_then_sleep_good_1(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long size = fstat(fd, &st) == 0 ? st.st_size : -1;
	close(fd);
	sleep(1);
	return size;
}

// Opened after the read.
long read_then_open_good_2(int in, const char *path, char *buf)
{
	long n = read(in, buf, 64);
	int fd = open(path, O_RDONLY);
	if (fd >= 0)
		close(fd);
	return n;
}
