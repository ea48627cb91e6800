// A case that locks and falls through into a case that reads: the read is
// reached with the mutex held on the path from the locking case.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long op_bad_1(int op, int fd, char *buf)
{
	long n = 0;
	switch (op) {
	case 0:
		pthread_mutex_lock(&mu);
		counter++;
		/* fallthrough */
	case 1:
		n = read(fd, buf, 8);
		if (op == 0)
			pthread_mutex_unlock(&mu);
		break;
	default:
		break;
	}
	return n;
}

// Locked before the switch, released in only some cases before the read
// that follows the switch.
long op_bad_2(int op, int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	switch (op) {
	case 0:
		counter = 0;
		pthread_mutex_unlock(&mu);
		break;
	case 1:
		counter++;
		break;
	default:
		pthread_mutex_unlock(&mu);
		return -1;
	}
	long n = read(fd, buf, 8);
	if (op == 1)
		pthread_mutex_unlock(&mu);
	return n;
}

// Every case that locks unlocks before falling through to the read.
long op_good_1(int op, int fd, char *buf)
{
	switch (op) {
	case 0:
		pthread_mutex_lock(&mu);
		counter = 0;
		pthread_mutex_unlock(&mu);
		/* fallthrough */
	case 1:
		return read(fd, buf, 8);
	case 2:
		pthread_mutex_lock(&mu);
		counter++;
		pthread_mutex_unlock(&mu);
		break;
	}
	return write(fd, buf, 8);
}

// Locked before the switch, every case releases.
long op_good_2(int op, int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	switch (op) {
	case 0:
		counter = 0;
		pthread_mutex_unlock(&mu);
		break;
	default:
		counter++;
		pthread_mutex_unlock(&mu);
		break;
	}
	return read(fd, buf, 8);
}
