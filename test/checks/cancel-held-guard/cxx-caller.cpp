// Calling a coroutine does not suspend the caller: it runs to its first
// suspend and returns a task. A lock held around the call of a coroutine
// is not held across any suspend of the caller's (silent); awaiting the
// task is a suspend of the caller's (reported).
// RUN: not %cancelcheck --checks='-*,cancel-held-guard,suspend-holding-lock' %s -- -std=c++20 \
// RUN:   -I%S/../Inputs 2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;
void spawn(task t);

task fetch(int fd)
{
	co_await read_async(fd);
}

void start(int fd)
{
	m.lock();
	spawn(fetch(fd));
	m.unlock();
}

struct awaitable_task {
	bool await_ready() const noexcept { return false; }
	void await_suspend(std::coroutine_handle<>) {}
	void await_resume() {}
};
awaitable_task fetch_awaitable(int fd);

task parent(int fd)
{
	m.lock();
	co_await fetch_awaitable(fd);
	// CHECK-DAG: cxx-caller.cpp:[[@LINE-1]]:2: warning: 'm' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	// CHECK-DAG: cxx-caller.cpp:[[@LINE-2]]:2: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	m.unlock();
}
