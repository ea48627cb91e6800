// Owned values of the posix model: memory from malloc/calloc/realloc/strdup,
// descriptors from open/socket/accept/dup, streams from fopen. Live across a
// cancellation point with no cleanup handler, each is a finding.
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn { int fd; char *name; };

int heap_bad_1(int fd)
{
	char *buf = malloc(512);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 512);
	free(buf);
	return (int)n;
}

// Freed before the cancellation point.
int heap_good_1(int fd, char *out)
{
	char *tmp = calloc(1, 16);
	if (!tmp)
		return -1;
	free(tmp);
	return (int)read(fd, out, 1);
}

// Allocation failure owns nothing.
int heap_good_2(int fd)
{
	char *buf = malloc(512);
	if (buf) {
		free(buf);
		return 0;
	}
	sleep(1);
	return -1;
}

int dup_bad_3(const char *s)
{
	char *copy = strdup(s);
	if (!copy)
		return -1;
	sleep(1);
	free(copy);
	return 0;
}

// realloc gives back a new owned value; the old one is consumed.
int grow_bad_4(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	char *q = realloc(p, 64);
	if (!q) {
		free(p);
		return -1;
	}
	ssize_t n = read(fd, q, 64);
	free(q);
	return (int)n;
}

int file_bad_5(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	char c;
	ssize_t n = read(fd, &c, 1);
	close(fd);
	return (int)n;
}

// open is a cancellation point, but cancelled there it opened nothing.
int file_good_5(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

int sock_bad_6(const struct sockaddr *sa, socklen_t len)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0)
		return -1;
	if (connect(s, sa, len) < 0) {
		close(s);
		return -1;
	}
	return s;
}

int accept_bad_7(int lfd)
{
	int c = accept(lfd, NULL, NULL);
	if (c < 0)
		return -1;
	char hello;
	ssize_t n = recv(c, &hello, 1, 0);
	close(c);
	return (int)n;
}

int stream_bad_8(int fd, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	char c;
	ssize_t n = read(fd, &c, 1);
	fclose(f);
	return (int)n;
}

// Handed to the caller's struct before the cancellation point: the struct
// owns it now.
int conn_good_9(struct conn *c, const char *name)
{
	char *n = strdup(name);
	if (!n)
		return -1;
	c->name = n;
	sleep(1);
	return 0;
}

// Returning it hands it to the caller, but only once the return happens:
// cancelled in usleep, the thread never gets there.
char *name_bad_10(const char *name)
{
	char *n = strdup(name);
	if (!n)
		return NULL;
	usleep(100);
	return n;
}

// Returned before any cancellation point.
char *name_good_10(const char *name)
{
	usleep(100);
	return strdup(name);
}

void *stop(pthread_t t) { pthread_cancel(t); return NULL; }
