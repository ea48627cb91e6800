// A finding in C++ is suppressed like one in C: a comment naming the check
// on its line or the line before. Another check's finding on the same line
// stays.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard,suspend-holding-lock' %s -- -std=c++20 \
// RUN:   -I%S/../Inputs 2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;

task handed_to_callback(int fd)
{
	m.lock();
	// cancelcheck: ignore[cancel-held-guard] the awaitable's destructor unlocks m
	co_await read_async(fd);
	// CHECK: cxx-suppress.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	m.unlock();
}
