// The kernel-style single exit: `goto out` to one unlock. A cancellation
// point before the label runs with the mutex held; the cancel edge leaves
// without ever reaching `out:`.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int state;

void stop(pthread_t t) { pthread_cancel(t); }

int load_bad_1(int fd, char *buf)
{
	int rc = -1;
	pthread_mutex_lock(&mu);
	if (state < 0)
		goto out;
	if (read(fd, buf, 8) != 8)
		goto out;
	state = buf[0];
	rc = 0;
out:
	pthread_mutex_unlock(&mu);
	return rc;
}

// Two labels, the lock taken between them; the write after the lock is
// reached only on the path that holds it.
int save_bad_2(int fd, const char *buf)
{
	int rc = -1;
	if (fd < 0)
		goto fail;
	pthread_mutex_lock(&mu);
	if (state == 0)
		goto unlock;
	rc = write(fd, buf, state);
unlock:
	pthread_mutex_unlock(&mu);
fail:
	return rc;
}

// Snapshot under the lock, jump to the unlock, then do the I/O.
int load_good_1(int fd, char *buf)
{
	int snap = -1;
	pthread_mutex_lock(&mu);
	if (state < 0)
		goto out;
	snap = state;
out:
	pthread_mutex_unlock(&mu);
	if (snap < 0)
		return -1;
	return read(fd, buf, snap);
}

// The error path jumps past the lock entirely and then reports.
int save_good_2(int fd, const char *buf)
{
	if (fd < 0)
		goto fail;
	pthread_mutex_lock(&mu);
	state++;
	pthread_mutex_unlock(&mu);
	return write(fd, buf, 8);
fail:
	write(2, "bad fd\n", 7);
	return -1;
}
