// C++20 coroutines: a std mutex held where a coroutine suspends, held by a
// lock guard or locked by hand, is flagged at each co_await or co_yield
// it is held across, including a co_await inside a variable's initializer
// and in a member function. The guard is tracked by what it holds, not by
// its scope: unlocked, or its scope ended, before the suspend, it is not
// flagged; a guard that defers locking holds nothing; a function that
// never suspends is not a coroutine.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include <shared_mutex>
#include "coro.h"

std::mutex m, m2;
std::shared_mutex rw;

task guard_across_await(int fd)
{
	std::lock_guard<std::mutex> g(m);
	co_await read_async(fd);
	// CHECK: cxx-guards.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	// CHECK: cxx-guards.cpp:[[@LINE-3]]:30: note: 'm' acquired here by 'std::lock_guard'
}

task await_in_initializer(int fd)
{
	std::unique_lock<std::mutex> l(m);
	int n = co_await read_async(fd);
	// CHECK: cxx-guards.cpp:[[@LINE-1]]:10: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	(void)n;
}

task hand_locked(int fd)
{
	m.lock();
	co_await read_async(fd);
	// CHECK: cxx-guards.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	m.unlock();
}

task two_at_once(int fd)
{
	std::scoped_lock both(m, m2);
	co_await read_async(fd);
	// CHECK-DAG: cxx-guards.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	// CHECK-DAG: cxx-guards.cpp:[[@LINE-2]]:2: warning: thread-blocking lock 'm2' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
}

task shared_across_yield()
{
	std::shared_lock<std::shared_mutex> r(rw);
	co_yield 1;
	// CHECK: cxx-guards.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'rw' is held while 'co_yield' suspends the coroutine [suspend-holding-lock]
}

task in_a_loop(int fd)
{
	int fds[2] = { fd, fd };
	for (int f : fds) {
		std::lock_guard<std::mutex> g(m);
		co_await read_async(f);
		// CHECK: cxx-guards.cpp:[[@LINE-1]]:3: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	}
}

struct conn {
	std::mutex mu;
	task send(int fd)
	{
		std::lock_guard<std::mutex> g(mu);
		co_await read_async(fd);
		// CHECK: cxx-guards.cpp:[[@LINE-1]]:3: warning: thread-blocking lock 'this->mu' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	}
};

// Silent from here on.

task unlocked_first(int fd)
{
	std::unique_lock<std::mutex> l(m);
	l.unlock();
	co_await read_async(fd);
}

task scope_ended_first(int fd)
{
	{
		std::lock_guard<std::mutex> g(m);
	}
	co_await read_async(fd);
}

task released_by_hand_first(int fd)
{
	m.lock();
	m.unlock();
	co_await read_async(fd);
}

task deferred(int fd)
{
	std::unique_lock<std::mutex> l(m, std::defer_lock);
	co_await read_async(fd);
}

int not_a_coroutine(int fd)
{
	std::lock_guard<std::mutex> g(m);
	return fd;
}

task suppressed(int fd)
{
	std::lock_guard<std::mutex> g(m);
	co_await read_async(fd);	// cancelcheck: ignore[suspend-holding-lock] the awaitable completes inline here
}
