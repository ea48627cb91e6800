// The buffer freed by a cancellation cleanup handler: nothing leaks when
// the read is cancelled.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

static void free_buf(void *p)
{
	free(p);
}

struct ctx {
	char *buf;
	int fd;
};

static void free_ctx_buf(void *arg)
{
	struct ctx *c = arg;
	free(c->buf);
}

// free itself as the handler.
long free_handler_good_1(int fd)
{
	long n;
	char *buf = malloc(64);
	pthread_cleanup_push(free, buf);
	n = read(fd, buf, 64);
	pthread_cleanup_pop(1);
	return n;
}

long own_handler_good_2(int fd)
{
	long n;
	char *buf = malloc(64);
	if (!buf)
		return -1;
	pthread_cleanup_push(free_buf, buf);
	n = read(fd, buf, 64);
	n += read(fd, buf, 64);
	pthread_cleanup_pop(0);
	free(buf);
	return n;
}

// The handler reaches the buffer through a struct on the stack.
long ctx_handler_good_3(int fd)
{
	long n;
	struct ctx c = { .fd = fd };
	c.buf = malloc(64);
	pthread_cleanup_push(free_ctx_buf, &c);
	n = read(c.fd, c.buf, 64);
	pthread_cleanup_pop(1);
	return n;
}
