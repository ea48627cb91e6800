// strdup/strndup return owned memory (when non-NULL).
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

int greet_bad_1(int fd, const char *who)
{
	char *name = strdup(who);
	if (!name)
		return -1;
	int n = write(fd, name, strlen(name));
	free(name);
	return n;
}

int greet_bad_2(int fd, const char *who)
{
	char *name = strndup(who, 16);
	sleep(1);
	free(name);
	return fd;
}

int greet_good_1(int fd, const char *who)
{
	char *name = strdup(who);
	if (!name)
		return write(fd, "?\n", 2);
	size_t len = strlen(name);
	free(name);
	return write(fd, who, len);
}
