// A std::unique_lock that is release()d no longer unlocks its mutex: the
// mutex stays held, and destroying the coroutine then leaves it locked
// (reported). A guard moved into another hands its mutex over: the new
// guard releases it (silent), also when the old one goes out of scope.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include <utility>
#include "coro.h"

std::mutex m;

task released(int fd)
{
	std::unique_lock<std::mutex> l(m);
	std::mutex *raw = l.release();
	co_await read_async(fd);
	// CHECK: cxx-release-move.cpp:[[@LINE-1]]:2: warning: 'm' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	raw->unlock();
}

task moved(int fd)
{
	std::unique_lock<std::mutex> l(m);
	std::unique_lock<std::mutex> l2(std::move(l));
	co_await read_async(fd);
}

task moved_out_of_scope(int fd)
{
	std::unique_lock<std::mutex> outer;
	{
		std::unique_lock<std::mutex> l(m);
		std::unique_lock<std::mutex> kept(std::move(l));
		co_await read_async(fd);
	}
	co_await read_async(fd);
}
