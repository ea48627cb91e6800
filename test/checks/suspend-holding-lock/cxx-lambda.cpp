// A coroutine lambda is a coroutine of its own: a lock held across its
// co_await is reported in the lambda, and the function that creates it
// and hands it on does not suspend (nothing of the lambda's body is its).
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock,cancel-lost-value,cancel-held-guard' %s \
// RUN:   -- -std=c++20 -I%S/../Inputs 2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;
void spawn(task t);

void start(int fd)
{
	std::lock_guard<std::mutex> outer(m);	/* held only while it is created */
	auto body = [fd]() -> task {
		std::lock_guard<std::mutex> g(m);
		co_await read_async(fd);
		// CHECK: cxx-lambda.cpp:[[@LINE-1]]:3: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	};
	spawn(body());
}

void nested(int fd)
{
	spawn([fd]() -> task {
		auto inner = [fd]() -> task {
			m.lock();
			co_await read_async(fd);
			// CHECK: cxx-lambda.cpp:[[@LINE-1]]:4: warning: 'm' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
			// CHECK: cxx-lambda.cpp:[[@LINE-2]]:4: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
			m.unlock();
		};
		co_await read_async(fd);
		spawn(inner());
	}());
}
