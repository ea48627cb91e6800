// A descriptor closed by a cancellation cleanup handler that receives its
// address: nothing leaks when the thread is cancelled in the read.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static void close_fd(void *p)
{
	close(*(int *)p);
}

long slurp_good_1(const char *path, char *out)
{
	long n;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	pthread_cleanup_push(close_fd, &fd);
	n = read(fd, out, 64);
	n += read(fd, out + n, 64);
	pthread_cleanup_pop(1);
	return n;
}

// The descriptor handed to the handler through a pointer-sized integer.
static void close_fd_val(void *p)
{
	close((int)(long)p);
}

long slurp_good_2(const char *path, char *out)
{
	long n;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	pthread_cleanup_push(close_fd_val, (void *)(long)fd);
	n = read(fd, out, 64);
	pthread_cleanup_pop(1);
	return n;
}
