// co_await in the cases of a switch: only the cases reached with the lock
// held are reported.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;

task dispatch(int fd, int kind)
{
	std::unique_lock<std::mutex> l(m);
	switch (kind) {
	case 0:
		l.unlock();
		co_await read_async(fd);
		break;
	case 1:
		co_await read_async(fd);
		// CHECK: cxx-switch.cpp:[[@LINE-1]]:3: warning: thread-blocking lock 'm' is held
		break;
	default:
		l.unlock();
		break;
	}
}
