// `// cancelcheck: ignore[cancel-lost-value] <reason>` on the finding's line
// or on the line before silences it.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

long same_line_good_1(int fd)
{
	char *buf = malloc(64);
	long n = read(fd, buf, 64); // cancelcheck: ignore[cancel-lost-value] worker is never cancelled
	free(buf);
	return n;
}

long line_before_good_2(int fd)
{
	char *buf = malloc(64);
	// cancelcheck: ignore[cancel-lost-value] cancellation disabled by the caller
	long n = read(fd, buf, 64);
	free(buf);
	return n;
}
