// POSIX threads: write is a cancellation point. A thread cancelled between
// the two writes of a record leaves the shared log with half a record,
// unless a cleanup handler closes it or cancellation is off meanwhile.
// RUN: not %cancelcheck --checks='-*,cancel-split-write' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int log_fd;

void *logger_bad(void *arg)
{
	const char *line = arg;
	write(log_fd, "[worker] ", 9);
	write(log_fd, line, strlen(line));
// CHECK: posix.c:[[@LINE-1]]:2: warning: the message to 'log_fd' is cut if 'write' is cancelled here: part of it is written and the stream stays open [cancel-split-write]
// CHECK: posix.c:[[@LINE-3]]:2: note: its first part is written here by 'write'
	return NULL;
}

// The stream is named as written, not by where the descriptor came from.
void *sender_bad(void *arg)
{
	int fd = *(int *)arg;
	write(fd, "HELLO", 5);
	write(fd, "WORLD", 5);
// CHECK: posix.c:[[@LINE-1]]:2: warning: the message to 'fd' is cut if 'write' is cancelled here
	return NULL;
}

// A connection shut down, or marked broken, on the cancel path: no one
// appends the next message to the half.
struct conn { int fd; int broken; };

static void conn_shut(void *p)
{
	struct conn *c = p;
	shutdown(c->fd, SHUT_RDWR);
}

static void conn_mark(void *p)
{
	struct conn *c = p;
	c->broken = 1;
}

void *sender_shuts(void *arg)
{
	struct conn *c = arg;
	pthread_cleanup_push(conn_shut, c);
	write(c->fd, "HELLO", 5);
	write(c->fd, "WORLD", 5);
	pthread_cleanup_pop(0);
	return NULL;
}

void *sender_marks(void *arg)
{
	struct conn *c = arg;
	pthread_cleanup_push(conn_mark, c);
	write(c->fd, "HELLO", 5);
	write(c->fd, "WORLD", 5);
	pthread_cleanup_pop(0);
	return NULL;
}

// writev: one call, one record.
void *logger_writev(void *arg)
{
	const char *line = arg;
	struct iovec iov[2] = { { "[worker] ", 9 }, { (void *)line, strlen(line) } };
	writev(log_fd, iov, 2);
	return NULL;
}

// Cancellation disabled around the record.
void *logger_shielded(void *arg)
{
	const char *line = arg;
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	write(log_fd, "[worker] ", 9);
	write(log_fd, line, strlen(line));
	pthread_setcancelstate(old, NULL);
	return NULL;
}

static void close_fd(void *p)
{
	close(*(int *)p);
}

// A private connection closed by a cleanup handler if the thread is
// cancelled: the peer sees the connection end, not a record's half.
void *sender_closes(void *arg)
{
	int fd = *(int *)arg;
	pthread_cleanup_push(close_fd, &fd);
	write(fd, "HELLO", 5);
	write(fd, "WORLD", 5);
	pthread_cleanup_pop(1);
	return NULL;
}
