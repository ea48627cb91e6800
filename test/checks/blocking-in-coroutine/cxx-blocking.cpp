// C++20 coroutines: a function with co_await runs as a coroutine, so a
// thread-blocking call in it (std::this_thread::sleep_for, a blocking
// read, a condition variable's wait) stalls every coroutine of its thread.
// The same calls in a function that never suspends are silent.
// RUN: not %cancelcheck --checks='-*,blocking-in-coroutine' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unistd.h>
#include "coro.h"

std::mutex m;
std::condition_variable cv;

task naps(int fd)
{
	co_await read_async(fd);
	std::this_thread::sleep_for(std::chrono::milliseconds(10));
	// CHECK: cxx-blocking.cpp:[[@LINE-1]]:2: warning: {{.*}}'std::this_thread::sleep_for'{{.*}} [blocking-in-coroutine]
	// CHECK: note: fix: co_await the coroutine library's form (a timer, an async read, an awaited lock), or move the blocking work to another thread
}

task reads(int fd, char *buf)
{
	co_await sleep_async(1);
	(void)read(fd, buf, 1);
	// CHECK: cxx-blocking.cpp:[[@LINE-1]]:8: warning: {{.*}}'read'{{.*}} [blocking-in-coroutine]
}

task waits(int fd)
{
	std::unique_lock<std::mutex> l(m);
	l.unlock();
	co_await read_async(fd);
	l.lock();
	cv.wait(l);
	// CHECK: cxx-blocking.cpp:[[@LINE-1]]:2: warning: {{.*}}'std::condition_variable::wait'{{.*}} [blocking-in-coroutine]
}

// Silent: not coroutines.

void plain_thread(int fd, char *buf)
{
	std::this_thread::sleep_for(std::chrono::milliseconds(10));
	(void)read(fd, buf, 1);
}
