// Passing a value to a function that takes ownership consumes it: a
// same-TU function that frees its parameter, or an external (non-system)
// function the analyzer cannot see. A same-TU function that only looks at
// it, or a system function that borrows it, consumes nothing.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct msg {
	int len;
	char data[60];
};

void queue_push(struct msg *m);	/* defined elsewhere: takes ownership */

void stop(pthread_t t) { pthread_cancel(t); }

static void msg_free(struct msg *m)
{
	memset(m, 0, sizeof *m);
	free(m);
}

static int msg_len(const struct msg *m)
{
	return m->len;
}

long same_tu_free_good_1(int fd)
{
	struct msg *m = malloc(sizeof *m);
	if (!m)
		return -1;
	m->len = 0;
	msg_free(m);
	return read(fd, &fd, sizeof fd);
}

long external_good_2(int fd)
{
	struct msg *m = malloc(sizeof *m);
	if (!m)
		return -1;
	m->len = 0;
	queue_push(m);
	return read(fd, &fd, sizeof fd);
}

long same_tu_peek_bad_1(int fd)
{
	struct msg *m = malloc(sizeof *m);
	if (!m)
		return -1;
	m->len = 8;
	long n = write(fd, m->data, msg_len(m));
	msg_free(m);
	return n;
}

long system_borrow_bad_2(int fd)
{
	struct msg *m = malloc(sizeof *m);
	if (!m)
		return -1;
	memset(m, 0, sizeof *m);
	long n = read(fd, m->data, strlen(m->data));
	queue_push(m);
	return n;
}
