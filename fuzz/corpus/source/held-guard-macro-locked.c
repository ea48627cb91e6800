// Control flow from a macro: LOCKED(m) { ... } is a one-trip for loop that
// locks on entry and unlocks after the body. The body holds the mutex; the
// code after the block does not. Findings inside a macro-built region are
// anchored at the call in the body; the acquisition at the macro use.
#include <pthread.h>
#include <unistd.h>

#define LOCKED(m) \
	for (int locked_once_ = (pthread_mutex_lock(m), 1); locked_once_; \
	     pthread_mutex_unlock(m), locked_once_ = 0)

#define WITH_LOCK(m, stmt) \
	do { pthread_mutex_lock(m); stmt; pthread_mutex_unlock(m); } while (0)

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void stop(pthread_t t) { pthread_cancel(t); }

long body_bad_1(int fd, char *buf)
{
	long n = 0;
	LOCKED(&mu) {
		n = read(fd, buf, 8);
		counter += n;
	}
	return n;
}

void stmt_bad_2(int fd, char *buf)
{
	WITH_LOCK(&mu, read(fd, buf, 8));
}

long after_good_2(int fd, char *buf)
{
	long snap;
	WITH_LOCK(&mu, snap = counter);
	return read(fd, buf, snap);
}
