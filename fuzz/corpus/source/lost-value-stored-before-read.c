// Stored into a place that owns it (a field reached through a pointer, a
// global, an array slot, an out-parameter) before the cancellation point:
// the function no longer owns it.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct conn {
	int fd;
	char *buf;
};

static char *pending;
static char *slots[8];

void stop(pthread_t t) { pthread_cancel(t); }

long field_good_1(struct conn *c)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	c->buf = buf;
	return read(c->fd, buf, 64);
}

long field_direct_good_2(struct conn *c, const char *path)
{
	c->fd = open(path, O_RDONLY);
	c->buf = malloc(64);
	return read(c->fd, c->buf, 64);
}

long global_good_3(int fd)
{
	char *buf = malloc(64);
	pending = buf;
	return read(fd, buf, 64);
}

long array_good_4(int fd, int i)
{
	char *buf = malloc(64);
	slots[i & 7] = buf;
	return read(fd, buf, 64);
}

// Handed to the caller through an out-parameter.
long out_param_good_5(int fd, char **out)
{
	char *buf = malloc(64);
	*out = buf;
	return read(fd, buf, 64);
}
