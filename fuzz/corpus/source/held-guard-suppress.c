// `// cancelcheck: ignore[cancel-held-guard] <reason>` on the finding's line
// or on the line before silences it.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

void stop(pthread_t t) { pthread_cancel(t); }

void same_line_good_1(int fd, char *buf)
{
	pthread_mutex_lock(&mu);
	read(fd, buf, 8); // cancelcheck: ignore[cancel-held-guard] never cancelled
	pthread_mutex_unlock(&mu);
}

void line_before_good_2(void)
{
	pthread_mutex_lock(&mu);
	while (!ready)
		// cancelcheck: ignore[cancel-held-guard] this thread is never cancelled
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
}
