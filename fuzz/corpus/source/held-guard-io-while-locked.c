// A mutex held across a POSIX cancellation point is never unlocked when the
// thread is cancelled there: every other thread then blocks on it forever.
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_spinlock_t spin;
static long total;

void stop(pthread_t t) { pthread_cancel(t); }

long read_bad_1(int fd, char *buf, unsigned n)
{
	pthread_mutex_lock(&mu);
	long got = read(fd, buf, n);
	total += got;
	pthread_mutex_unlock(&mu);
	return got;
}

void write_bad_2(int fd, const char *msg, unsigned n)
{
	pthread_mutex_lock(&mu);
	write(fd, msg, n);
	pthread_mutex_unlock(&mu);
}

void sleep_bad_3(void)
{
	pthread_mutex_lock(&mu);
	total++;
	sleep(1);
	pthread_mutex_unlock(&mu);
}

long recv_bad_4(int sock, pthread_mutex_t *m, char *buf)
{
	pthread_mutex_lock(m);
	long got = recv(sock, buf, 16, 0);
	pthread_mutex_unlock(m);
	return got;
}

int accept_bad_5(int lfd)
{
	pthread_spin_lock(&spin);
	int c = accept(lfd, 0, 0);
	pthread_spin_unlock(&spin);
	return c;
}

void testcancel_bad_6(void)
{
	pthread_mutex_lock(&mu);
	pthread_testcancel();
	pthread_mutex_unlock(&mu);
}

void join_bad_7(pthread_t worker)
{
	pthread_mutex_lock(&mu);
	pthread_join(worker, 0);
	pthread_mutex_unlock(&mu);
}

// A call that is not a cancellation point is harmless.
void memcpy_good_1(char *dst, const char *src)
{
	pthread_mutex_lock(&mu);
	for (int i = 0; i < 8; i++)
		dst[i] = src[i];
	pthread_mutex_unlock(&mu);
}
