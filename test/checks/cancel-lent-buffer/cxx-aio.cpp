// C++20: an aiocb and its buffer on a coroutine's frame, lent to
// aio_read, go away if the coroutine is destroyed at a co_await before
// the operation is reaped; reaped before the suspend, they do not.
// RUN: not %cancelcheck --checks='-*,cancel-lent-buffer' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <aio.h>
#include <cerrno>
#include <cstring>
#include "coro.h"

task in_flight(int fd)
{
	char buf[64];
	struct aiocb cb;
	std::memset(&cb, 0, sizeof cb);
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		co_return;
	co_await sleep_async(1);
	// CHECK: cxx-aio.cpp:[[@LINE-1]]:2: warning: 'cb' goes out of scope if the coroutine is destroyed at this 'co_await', while the operation it was lent to may still write into it [cancel-lent-buffer]
	while (aio_error(&cb) == EINPROGRESS)
		co_await sleep_async(1);
		// CHECK: cxx-aio.cpp:[[@LINE-1]]:3: warning: 'cb' goes out of scope if the coroutine is destroyed
	(void)aio_return(&cb);
}

task reaped_first(int fd)
{
	char buf[64];
	struct aiocb cb;
	std::memset(&cb, 0, sizeof cb);
	cb.aio_fildes = fd;
	cb.aio_buf = buf;
	cb.aio_nbytes = sizeof buf;
	if (aio_read(&cb) != 0)
		co_return;
	const struct aiocb *list[1] = { &cb };
	while (aio_suspend(list, 1, nullptr) != 0)
		;
	(void)aio_return(&cb);
	co_await sleep_async(1);
}
