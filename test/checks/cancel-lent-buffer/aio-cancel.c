// POSIX AIO under thread cancellation: aio_suspend is a cancellation
// point. A thread cancelled there unwinds, and its frame goes while the
// kernel still has the aiocb, unless a cleanup handler cancels the
// operation and waits for it, or cancellation is disabled around the wait.
// RUN: not %cancelcheck --checks='-*,cancel-lent-buffer' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <aio.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

// Thread cancellation: aio_suspend is a cancellation point.
static void cancel_io(void *p)
{
	struct aiocb *cb = p;
	aio_cancel(cb->aio_fildes, cb);
	while (aio_error(cb) == EINPROGRESS) {
		const struct aiocb *list[1] = { cb };
		aio_suspend(list, 1, NULL);
	}
	aio_return(cb);
}

// A handler that only asks to cancel: AIO_NOTCANCELED leaves the read
// running into the frame the thread leaves.
static void cancel_only(void *p)
{
	struct aiocb *cb = p;
	aio_cancel(cb->aio_fildes, cb);
}

void *reader_cancel_only(void *arg)
{
	char buf[256];
	struct aiocb cb = { 0 };
	cb.aio_fildes = *(int *)arg;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		return NULL;
	pthread_cleanup_push(cancel_only, &cb);
	const struct aiocb *list[1] = { &cb };
	aio_suspend(list, 1, NULL);
// CHECK: aio-cancel.c:[[@LINE-1]]:2: warning: 'cb' goes out of scope if 'aio_suspend' is cancelled here
	pthread_cleanup_pop(0);
	aio_return(&cb);
	return NULL;
}

void *reader_bad(void *arg)
{
	char buf[256];
	struct aiocb cb = { 0 };
	cb.aio_fildes = *(int *)arg;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		return NULL;
	const struct aiocb *list[1] = { &cb };
	aio_suspend(list, 1, NULL);
// CHECK: aio-cancel.c:[[@LINE-1]]:2: warning: 'cb' goes out of scope if 'aio_suspend' is cancelled here, while the operation it was lent to may still write into it [cancel-lent-buffer]
	aio_return(&cb);
	return NULL;
}

// A cleanup handler that cancels and waits covers the cancellation point.
void *reader_good(void *arg)
{
	char buf[256];
	struct aiocb cb = { 0 };
	cb.aio_fildes = *(int *)arg;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		return NULL;
	pthread_cleanup_push(cancel_io, &cb);
	const struct aiocb *list[1] = { &cb };
	aio_suspend(list, 1, NULL);
	pthread_cleanup_pop(0);
	aio_return(&cb);
	return NULL;
}

// So does cancellation disabled around the wait.
void *reader_shielded(void *arg)
{
	char buf[256];
	struct aiocb cb = { 0 };
	int old;
	cb.aio_fildes = *(int *)arg;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		return NULL;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	const struct aiocb *list[1] = { &cb };
	aio_suspend(list, 1, NULL);
	aio_return(&cb);
	pthread_setcancelstate(old, NULL);
	return NULL;
}
