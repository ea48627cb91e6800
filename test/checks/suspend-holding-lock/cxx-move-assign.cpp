// A lock guard move-assigned (l2 = std::move(l)): l2 lets its own mutex go
// and holds l's until l2's scope ends, even when l's ended first; l holds
// nothing any more. A default-constructed unique_lock holds nothing until
// a guard is moved into it.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock,cancel-held-guard' %s -- \
// RUN:   -std=c++20 -I%S/../Inputs 2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include <utility>
#include "coro.h"

std::mutex m1, m2;

task swapped(int fd)
{
	std::unique_lock<std::mutex> a(m1);
	std::unique_lock<std::mutex> b(m2);
	b = std::move(a);
	// m2 is free here, m1 is b's
	co_await read_async(fd);
	// CHECK: cxx-move-assign.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm1' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	// CHECK: cxx-move-assign.cpp:[[@LINE-6]]:31: note: 'm1' acquired here by 'std::unique_lock'
}

task outlives_source(int fd)
{
	std::unique_lock<std::mutex> b;
	{
		std::unique_lock<std::mutex> a(m1);
		b = std::move(a);
	}
	co_await read_async(fd);
	// CHECK: cxx-move-assign.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm1' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
}

// Silent from here on.

task unlocked_after(int fd)
{
	std::unique_lock<std::mutex> b;
	{
		std::unique_lock<std::mutex> a(m1);
		b = std::move(a);
	}
	b.unlock();
	co_await read_async(fd);
}

task target_scope_ended(int fd)
{
	std::unique_lock<std::mutex> a(m1);
	{
		std::unique_lock<std::mutex> b(m2);
		b = std::move(a);
	}
	co_await read_async(fd);
}

task nothing_moved(int fd)
{
	std::unique_lock<std::mutex> b;
	co_await read_async(fd);
}
