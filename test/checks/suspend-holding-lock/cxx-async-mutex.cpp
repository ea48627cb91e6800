// A coroutine-aware lock, whose acquisition is itself awaited (the
// waiter suspends instead of blocking the thread), is not a thread-blocking
// lock: holding it across a co_await is silent. A std::mutex taken inside
// its region is still reported.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <coroutine>
#include <mutex>
#include "coro.h"

struct async_mutex {
	struct scoped {
		async_mutex *m;
		~scoped();
	};
	struct acquire_op {
		bool await_ready() const noexcept { return false; }
		void await_suspend(std::coroutine_handle<>) {}
		scoped await_resume() { return scoped{ nullptr }; }
	};
	acquire_op scoped_lock_async();
};

async_mutex am;
std::mutex m;

task coroutine_lock(int fd)
{
	auto lk = co_await am.scoped_lock_async();
	co_await read_async(fd);
}

task both(int fd)
{
	auto lk = co_await am.scoped_lock_async();
	std::lock_guard<std::mutex> g(m);
	co_await read_async(fd);
	// CHECK: cxx-async-mutex.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
}
