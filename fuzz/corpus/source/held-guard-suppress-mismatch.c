// Suppressions that do not apply: a comment naming another check, a
// comment two lines above, a comment after the finding's line.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

void other_check_bad_1(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	read(fd, buf, 8); // cancelcheck: ignore[cancel-lost-value] wrong check
	pthread_mutex_unlock(&mu);
}

void too_far_bad_2(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	// cancelcheck: ignore[cancel-held-guard] two lines up: does not apply

	read(fd, buf, 8);
	pthread_mutex_unlock(&mu);
}

void line_after_bad_3(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	read(fd, buf, 8);
	// cancelcheck: ignore[cancel-held-guard] the line after: does not apply
	pthread_mutex_unlock(&mu);
}

// A suppression at the acquisition does not cover the finding, which is
// anchored at the cancellation point.
void at_acquire_bad_4(int fd, char *buf)
{
	pthread_mutex_lock(&mu); // cancelcheck: ignore[cancel-held-guard] wrong line
	buf[0] = 0;
	read(fd, buf, 8);
	pthread_mutex_unlock(&mu);
}
