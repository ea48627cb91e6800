// Every standard mutex blocks the thread: std::recursive_mutex,
// std::timed_mutex, std::recursive_timed_mutex, std::shared_mutex (shared
// and exclusive) and std::shared_timed_mutex, through a guard or by hand.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include <shared_mutex>
#include "coro.h"

std::recursive_mutex rm;
std::timed_mutex tm;
std::recursive_timed_mutex rtm;
std::shared_mutex sm;
std::shared_timed_mutex stm;

task recursive(int fd)
{
	std::lock_guard<std::recursive_mutex> g(rm);
	co_await read_async(fd);
	// CHECK: cxx-other-mutexes.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'rm' is held
}

task timed(int fd)
{
	tm.lock();
	co_await read_async(fd);
	// CHECK: cxx-other-mutexes.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'tm' is held
	tm.unlock();
}

task recursive_timed(int fd)
{
	std::unique_lock<std::recursive_timed_mutex> l(rtm);
	co_await read_async(fd);
	// CHECK: cxx-other-mutexes.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'rtm' is held
}

task exclusive(int fd)
{
	std::unique_lock<std::shared_mutex> l(sm);
	co_await read_async(fd);
	// CHECK: cxx-other-mutexes.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'sm' is held
}

task shared_by_hand(int fd)
{
	stm.lock_shared();
	co_await read_async(fd);
	// CHECK: cxx-other-mutexes.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'stm' is held
	stm.unlock_shared();
}

// Silent: released before the suspend.
task released(int fd)
{
	stm.lock_shared();
	stm.unlock_shared();
	rm.lock();
	rm.unlock();
	co_await read_async(fd);
}
