// C++20 coroutines: destroying a coroutine at a suspend point runs the
// destructors of its live locals and nothing else. A mutex locked by hand
// (lock(), lock_shared()) is still held there: flagged. A mutex held by a
// lock guard is released by the guard's destructor: silent, also after
// the guard was unlocked and locked again, and a mutex unlocked before the
// suspend is silent.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include <shared_mutex>
#include "coro.h"

std::mutex m;
std::shared_mutex rw;

task by_hand(int fd)
{
	m.lock();
	co_await read_async(fd);
	// CHECK: cxx-destroy.cpp:[[@LINE-1]]:2: warning: 'm' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	// CHECK-NEXT: co_await read_async(fd);
	// CHECK: cxx-destroy.cpp:[[@LINE-4]]:2: note: 'm' acquired here by 'std::mutex::lock'
	// CHECK: note: fix: hold it in a lock guard (std::lock_guard, std::unique_lock), whose destructor releases it, or release it before suspending
	m.unlock();
}

task shared_by_hand()
{
	rw.lock_shared();
	co_yield 1;
	// CHECK: cxx-destroy.cpp:[[@LINE-1]]:2: warning: 'rw' is still held if the coroutine is destroyed at this 'co_yield' [cancel-held-guard]
	rw.unlock_shared();
}

task try_locked(int fd)
{
	if (m.try_lock()) {
		co_await read_async(fd);
		// CHECK: cxx-destroy.cpp:[[@LINE-1]]:3: warning: 'm' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
		m.unlock();
	}
}

// Silent from here on.

task guarded(int fd)
{
	std::lock_guard<std::mutex> g(m);
	co_await read_async(fd);
}

task relocked(int fd)
{
	std::unique_lock<std::mutex> l(m);
	l.unlock();
	l.lock();
	co_await read_async(fd);
}

task adopted(int fd)
{
	m.lock();
	std::lock_guard<std::mutex> g(m, std::adopt_lock);
	co_await read_async(fd);
}

task unlocked_before(int fd)
{
	m.lock();
	m.unlock();
	co_await read_async(fd);
}

task failed_try(int fd)
{
	if (!m.try_lock())
		co_await read_async(fd);
}
