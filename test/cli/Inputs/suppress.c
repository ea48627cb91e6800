/* Suppression comments. Functions and the line of each read():
 *   same_line   line 16  ignore[cancel-held-guard] on the line: suppressed
 *   line_before line 24  ignore[...] on the line before: suppressed
 *   other_check line 31  ignore[cancel-lost-value]: NOT suppressed
 *   too_far     line 40  ignore two lines above: NOT suppressed
 *   no_reason   line 47  ignore[...] without a reason text: suppressed */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int same_line(int fd, char *b)
{
	int r;
	pthread_mutex_lock(&m);
	r = (int)read(fd, b, 1); // cancelcheck: ignore[cancel-held-guard] caller disables cancellation
	pthread_mutex_unlock(&m);
	return r;
}
int line_before(int fd, char *b)
{
	pthread_mutex_lock(&m);
	// cancelcheck: ignore[cancel-held-guard] reviewed: m is never contended
	int r = (int)read(fd, b, 1);
	pthread_mutex_unlock(&m);
	return r;
}
int other_check(int fd, char *b)
{
	pthread_mutex_lock(&m);
	int r = (int)read(fd, b, 1); // cancelcheck: ignore[cancel-lost-value] wrong check name
	pthread_mutex_unlock(&m);
	return r;
}
int too_far(int fd, char *b)
{
	pthread_mutex_lock(&m);
	// cancelcheck: ignore[cancel-held-guard] two lines above the finding

	int r = (int)read(fd, b, 1);
	pthread_mutex_unlock(&m);
	return r;
}
int no_reason(int fd, char *b)
{
	pthread_mutex_lock(&m);
	int r = (int)read(fd, b, 1); // cancelcheck: ignore[cancel-held-guard]
	pthread_mutex_unlock(&m);
	return r;
}
void stop(pthread_t t) { pthread_cancel(t); }
