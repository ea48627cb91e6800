// Passing a value to a function that takes ownership consumes it: a
// same-TU function that frees its parameter, or an external (non-system)
// function the analyzer cannot see. A same-TU function that only looks at
// it, or a system function that borrows it, consumes nothing.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
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
// CHECK: :[[@LINE-1]]:11: warning: 'm' is leaked if 'write' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-6]]:18: note: 'm' obtained here from 'malloc'
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
// CHECK: :[[@LINE-1]]:11: warning: 'm' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-6]]:18: note: 'm' obtained here from 'malloc'
	queue_push(m);
	return n;
}
