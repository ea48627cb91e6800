// Locks and cancellation points in loops, including state carried from one
// iteration to the next.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static int ready;

void stop(pthread_t t) { pthread_cancel(t); }

void per_item_bad_1(int fd, char *buf, int n)
{
	for (int i = 0; i < n; i++) {
		pthread_mutex_lock(&mu);
		read(fd, buf + i, 1);
		pthread_mutex_unlock(&mu);
	}
}

// Polling with the lock held.
void poll_bad_2(void)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		usleep(1000);
	ready = 0;
	pthread_mutex_unlock(&mu);
}

// `continue` skips the unlock: the next iteration's read holds the mutex.
void carried_bad_3(int fd, char *buf)
{
	for (;;) {
		long n = read(fd, buf, 8);
		if (n <= 0)
			break;
		pthread_mutex_lock(&mu);
		if (buf[0] == '#')
			continue;
		counter += n;
		pthread_mutex_unlock(&mu);
	}
}

void per_item_good_1(int fd, char *buf, int n)
{
	for (int i = 0; i < n; i++) {
		pthread_mutex_lock(&mu);
		counter++;
		pthread_mutex_unlock(&mu);
		read(fd, buf + i, 1);
	}
}

// Drop the lock around the sleep, take it again to re-check.
void poll_good_2(void)
{
	pthread_mutex_lock(&mu);
	while (!ready) {
		pthread_mutex_unlock(&mu);
		usleep(1000);
		pthread_mutex_lock(&mu);
	}
	ready = 0;
	pthread_mutex_unlock(&mu);
}

// Lock and unlock on every path through the body, break included.
void carried_good_3(int fd, char *buf)
{
	for (;;) {
		long n = read(fd, buf, 8);
		if (n <= 0)
			break;
		pthread_mutex_lock(&mu);
		if (buf[0] == '#') {
			pthread_mutex_unlock(&mu);
			continue;
		}
		counter += n;
		if (counter > 1000) {
			pthread_mutex_unlock(&mu);
			break;
		}
		pthread_mutex_unlock(&mu);
	}
	write(fd, "done\n", 5);
}

void do_while_good_4(int fd, char *buf)
{
	long n;
	do {
		n = read(fd, buf, 8);
		pthread_mutex_lock(&mu);
		counter += n;
		pthread_mutex_unlock(&mu);
	} while (n > 0);
}
