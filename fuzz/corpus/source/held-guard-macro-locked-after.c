// The code after a LOCKED(m) { ... } block (a one-trip for loop that locks
// on entry and unlocks after the body) runs with the mutex released: the
// loop is left only through the increment that unlocks.
#include <pthread.h>
#include <unistd.h>

#define LOCKED(m) \
	for (int locked_once_ = (pthread_mutex_lock(m), 1); locked_once_; \
	     pthread_mutex_unlock(m), locked_once_ = 0)

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long after_good_1(int fd, char *buf)
{
	long snap;
	LOCKED(&mu) {
		snap = counter;
	}
	return read(fd, buf, snap);
}
