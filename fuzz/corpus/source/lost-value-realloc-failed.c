// realloc hands the old block over only when it succeeds: when it returns
// NULL the old pointer is still owned, and a cancellation point on that
// branch loses it.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long grow_failed_bad_1(int fd)
{
	char *p = malloc(16);
	if (!p)
		return -1;
	char *q = realloc(p, 64);
	if (!q) {
		write(2, "oom\n", 4);
		free(p);
		return -1;
	}
	free(q);
	return 0;
}
