// Freed on one branch, handed to the caller on the other, with no
// cancellation point while it is owned: nothing can be lost.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

char *maybe_keep_good_1(int fd, int keep)
{
	unsigned len;
	if (read(fd, &len, sizeof len) != sizeof len)
		return NULL;
	char *p = malloc(len);
	if (!p)
		return NULL;
	memset(p, 0, len);
	if (keep)
		return p;
	free(p);
	return NULL;
}

// A cancellation point after the free on the branch that frees.
char *maybe_keep_good_2(int keep)
{
	char *p = malloc(32);
	if (!keep) {
		free(p);
		sleep(1);
		return NULL;
	}
	return p;
}

char *dup_or_null_good_3(const char *s, int ok)
{
	char *p = strdup(s);
	if (p && !ok) {
		free(p);
		p = NULL;
	}
	return p;
}
