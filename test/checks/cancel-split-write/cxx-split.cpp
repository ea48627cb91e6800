// C++20: a message written to a stream in two parts with a co_await
// between them is cut if the coroutine is destroyed there. Written whole
// before the suspend, or closed on the way out, it is not.
// RUN: not %cancelcheck --checks='-*,cancel-split-write' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <unistd.h>
#include "coro.h"

task framed(int fd, const char *hdr, const char *body)
{
	(void)write(fd, hdr, 4);
	co_await sleep_async(1);
	// CHECK: cxx-split.cpp:[[@LINE-1]]:2: warning: the message to 'fd' is cut if the coroutine is destroyed at this 'co_await': part of it is written and the stream stays open [cancel-split-write]
	(void)write(fd, body, 10);
}

task whole(int fd, const char *msg)
{
	(void)write(fd, msg, 14);
	co_await sleep_async(1);
}
