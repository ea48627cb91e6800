// A file descriptor from open/socket/creat owned across a cancellation
// point leaks when the thread is cancelled there.
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long open_bad_1(const char *path, char *buf)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long n = read(fd, buf, 64);
	close(fd);
	return n;
}

// Only `fd >= 0` owns it; the test is written the other way round.
long creat_bad_2(const char *path, const char *buf)
{
	int fd = creat(path, 0644);
	if (fd >= 0) {
		write(fd, buf, 8);
		close(fd);
	}
	return fd;
}

int socket_bad_3(const struct sockaddr *addr, socklen_t len)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (s == -1)
		return -1;
	if (connect(s, addr, len) != 0) {
		close(s);
		return -1;
	}
	close(s);
	return 0;
}

// The failure branch owns nothing.
int open_failed_good_1(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		write(2, "open failed\n", 12);
		return -1;
	}
	close(fd);
	return 0;
}
