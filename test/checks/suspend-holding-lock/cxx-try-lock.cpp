// try_lock() holds the mutex only on its success branch: a suspend there
// is reported, one on the failure branch is not. The same for a
// std::unique_lock's try_lock().
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;

task direct(int fd)
{
	if (m.try_lock()) {
		co_await read_async(fd);
		// CHECK: cxx-try-lock.cpp:[[@LINE-1]]:3: warning: thread-blocking lock 'm' is held
		m.unlock();
	} else {
		co_await sleep_async(1);
	}
}

task through_guard(int fd)
{
	std::unique_lock<std::mutex> l(m, std::defer_lock);
	if (!l.try_lock()) {
		co_await sleep_async(1);
		co_return;
	}
	co_await read_async(fd);
	// CHECK: cxx-try-lock.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm' is held
}
