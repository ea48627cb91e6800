// pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, ...) begins a shield:
// cancellation points inside it are not cancelled. Any other call of it
// (PTHREAD_CANCEL_ENABLE, or restoring the saved state) ends the shield.
// RUN: not %cancelcheck %s -- -pthread | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

int log_good_1(int fd, const char *msg)
{
	int old;
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	ssize_t n = write(fd, msg, strlen(msg));
	pthread_setcancelstate(old, NULL);
	pthread_mutex_unlock(&mu);
	return (int)n;
}

// Cancellation re-enabled before the second write.
int log_bad_2(int fd, const char *msg)
{
	int old;
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	write(fd, msg, strlen(msg));
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
	write(fd, "\n", 1);
// CHECK: posix-shield.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'write' is cancelled here [cancel-held-guard]
// CHECK: posix-shield.c:[[@LINE-6]]:2: note: '&mu' acquired here by 'pthread_mutex_lock'
// CHECK: posix-shield.c:[[@LINE-3]]:2: note: fix: cancellation was re-enabled before this call; restore the cancel state after releasing the guard
// The line and its newline are one message, cut there too.
// CHECK: posix-shield.c:[[@LINE-5]]:2: warning: the message to 'fd' is cut if 'write' is cancelled here: part of it is written and the stream stays open [cancel-split-write]
	pthread_mutex_unlock(&mu);
	return 0;
}

int copy_bad_3(int fd, const char *msg)
{
	int old;
	char *dup = strdup(msg);
	if (!dup)
		return -1;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	write(fd, dup, strlen(dup));
	pthread_setcancelstate(old, NULL);
	fsync(fd);
// CHECK: posix-shield.c:[[@LINE-1]]:2: warning: 'dup' is leaked if 'fsync' is cancelled here [cancel-lost-value]
// CHECK: posix-shield.c:[[@LINE-2]]:2: note: fix: cancellation was re-enabled before this call; restore the cancel state after releasing the value
	free(dup);
	return 0;
}

// The same, with the free moved inside the shield.
int copy_good_3(int fd, const char *msg)
{
	int old;
	char *dup = strdup(msg);
	if (!dup)
		return -1;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	write(fd, dup, strlen(dup));
	free(dup);
	pthread_setcancelstate(old, NULL);
	fsync(fd);
	return 0;
}

// Disabled on one path only: after the join the write is not shielded.
int log_bad_4(int fd, int quiet)
{
	int old;
	pthread_mutex_lock(&mu);
	if (quiet)
		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	write(fd, "x", 1);
// CHECK: posix-shield.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'write' is cancelled here [cancel-held-guard]
	if (quiet)
		pthread_setcancelstate(old, NULL);
	pthread_mutex_unlock(&mu);
	return 0;
}
