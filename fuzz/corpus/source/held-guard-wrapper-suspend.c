// A same-TU function that calls a cancellation point is one itself: a
// guard held across a call to it is reported at that call.
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long total;

void stop(pthread_t t) { pthread_cancel(t); }

static long read_exact(int fd, char *buf, long n)
{
	long done = 0;
	while (done < n) {
		long r = read(fd, buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += r;
	}
	return done;
}

// Two levels: a wrapper of the wrapper suspends too.
static long read_record(int fd, char *rec)
{
	char len;
	if (read_exact(fd, &len, 1) < 0)
		return -1;
	return read_exact(fd, rec, len);
}

// Not a cancellation point: no I/O at all.
static long checksum(const char *buf, long n)
{
	long s = 0;
	for (long i = 0; i < n; i++)
		s += buf[i];
	return s;
}

long wrapper_bad_1(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	long n = read_exact(fd, buf, 16);
	total += n;
	pthread_mutex_unlock(&mu);
	return n;
}

long nested_bad_2(int fd, char *rec)
{
	pthread_mutex_lock(&mu);
	long n = read_record(fd, rec);
	pthread_mutex_unlock(&mu);
	return n;
}

long plain_helper_good_1(const char *buf)
{
	pthread_mutex_lock(&mu);
	total += checksum(buf, 16);
	pthread_mutex_unlock(&mu);
	return total;
}

long unlocked_wrapper_good_2(int fd, char *buf)
{
	long n = read_exact(fd, buf, 16);
	pthread_mutex_lock(&mu);
	total += n;
	pthread_mutex_unlock(&mu);
	return n;
}
