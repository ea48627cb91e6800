// POSIX AIO: an aiocb (and the buffer it names) is the kernel's from a
// successful aio_read until aio_return, or until aio_error says the
// operation is no longer in progress.
// RUN: not %cancelcheck --checks='-*,cancel-lent-buffer' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <aio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

// Gives up after a second: the operation goes on writing into a frame
// that is gone.
int read_with_timeout_bad(int fd, char *out, size_t n)
{
	char buf[512];
	struct aiocb cb;
	memset(&cb, 0, sizeof cb);
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		return -1;		/* nothing was submitted: nothing is lent */
	const struct aiocb *list[1] = { &cb };
	struct timespec ts = { 1, 0 };
	if (aio_suspend(list, 1, &ts) != 0)
		return -1;
// CHECK: aio.c:[[@LINE-1]]:3: warning: 'cb' goes out of scope here while the operation it was lent to may still write into it [cancel-lent-buffer]
// CHECK: aio.c:[[@LINE-7]]:6: note: 'cb' lent here to 'aio_read' until its completion is reaped
	ssize_t got = aio_return(&cb);
	memcpy(out, buf, got > 0 && (size_t)got < n ? (size_t)got : 0);
	return (int)got;
}

// The same, but it cancels and waits until the kernel is done.
int read_with_timeout_good(int fd, char *out, size_t n)
{
	char buf[512];
	struct aiocb cb;
	memset(&cb, 0, sizeof cb);
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		return -1;
	const struct aiocb *list[1] = { &cb };
	struct timespec ts = { 1, 0 };
	if (aio_suspend(list, 1, &ts) != 0) {
		aio_cancel(fd, &cb);
		while (aio_error(&cb) == EINPROGRESS)
			aio_suspend(list, 1, NULL);
		aio_return(&cb);
		return -1;
	}
	ssize_t got = aio_return(&cb);
	memcpy(out, buf, got > 0 && (size_t)got < n ? (size_t)got : 0);
	return (int)got;
}

// A heap buffer freed on the timeout path, while the read may still fill it.
int fill_bad(int fd, char **res)
{
	struct aiocb cb = { 0 };
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = 4096;
	if (aio_write(&cb) != 0) {
		free(buf);		/* failed: the buffer is still ours */
		return -1;
	}
	const struct aiocb *list[1] = { &cb };
	struct timespec ts = { 0, 1000000 };
	if (aio_suspend(list, 1, &ts) != 0) {
		free(buf);
// CHECK: aio.c:[[@LINE-1]]:3: warning: 'buf' is released by 'free' while the operation it was lent to may still use it [cancel-lent-buffer]
// CHECK: aio.c:[[@LINE-9]]:6: note: 'cb.aio_buf' lent here to 'aio_write' until its completion is reaped
		return -1;
// CHECK: aio.c:[[@LINE-1]]:3: warning: 'cb' goes out of scope here
	}
	/* aio_suspend returned 0: the only operation of its list is done */
	if (aio_error(&cb) == 0)
		*res = buf;
	else
		free(buf);
	return aio_return(&cb) == 0 ? -1 : 0;
}

// An aiocb submitted again while its first operation may be in flight.
int resubmit_bad(int fd, char *buf)
{
	struct aiocb cb = { 0 };
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = 64;
	if (aio_read(&cb) != 0)
		return -1;
	cb.aio_offset = 64;
	if (aio_read(&cb) != 0)
// CHECK: aio.c:[[@LINE-1]]:6: warning: 'cb' is lent to 'aio_read' while an earlier operation may still use it [cancel-lent-buffer]
		return -1;
// CHECK: aio.c:[[@LINE-1]]:3: warning: 'cb' goes out of scope here
	while (aio_error(&cb) == EINPROGRESS)
		;
	return (int)aio_return(&cb);
}

// Falling off the end of a void function: the finding is at its brace.
void fire_and_forget(int fd)
{
	char buf[64];
	struct aiocb cb = { 0 };
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	aio_read(&cb);
}
// CHECK: aio.c:[[@LINE-1]]:1: warning: 'cb' goes out of scope here

// lio_listio's aiocbs are reaped one by one.
int batch(struct aiocb *a)
{
	struct aiocb *list[1] = { a };
	if (lio_listio(LIO_WAIT, list, 1, NULL) != 0)
		return -1;
	return (int)aio_return(a);
}

// Whether it is still in progress decides: EINPROGRESS is not done.
int poll_once_bad(int fd)
{
	struct aiocb cb = { 0 };
	char *buf = malloc(64);
	if (!buf)
		return -1;
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = 64;
	if (aio_read(&cb) != 0) {
		free(buf);
		return -1;
	}
	if (aio_error(&cb) != 0) {
		free(buf);
// CHECK: aio.c:[[@LINE-1]]:3: warning: 'buf' is released by 'free' while the operation
		return -1;
// CHECK: aio.c:[[@LINE-1]]:3: warning: 'cb' goes out of scope here
	}
	int n = (int)aio_return(&cb);
	free(buf);
	return n;
}

// aio_cancel that says AIO_CANCELED ends the operation; anything else
// leaves it running.
int cancel_then_free(int fd)
{
	struct aiocb cb = { 0 };
	char *buf = malloc(64);
	if (!buf)
		return -1;
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = 64;
	if (aio_read(&cb) != 0) {
		free(buf);
		return -1;
	}
	if (aio_cancel(fd, &cb) == AIO_CANCELED) {
		free(buf);
		return 0;
	}
	free(buf);
// CHECK: aio.c:[[@LINE-1]]:2: warning: 'buf' is released by 'free' while the operation
	return -1;
// CHECK: aio.c:[[@LINE-1]]:2: warning: 'cb' goes out of scope here
}

// Polls until the operation is no longer in progress, then frees.
int fill_good(int fd)
{
	struct aiocb cb = { 0 };
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = 4096;
	if (aio_write(&cb) != 0) {
		free(buf);
		return -1;
	}
	while (aio_error(&cb) == EINPROGRESS) {
		const struct aiocb *list[1] = { &cb };
		aio_suspend(list, 1, NULL);
	}
	int rc = (int)aio_return(&cb);
	free(buf);
	return rc;
}

