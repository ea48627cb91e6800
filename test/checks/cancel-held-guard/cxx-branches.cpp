// A mutex locked by hand on one branch is still held at a suspend that
// path reaches; a path that unlocked it first, or never locked it, is
// silent. unlock() on every path before the suspend is silent.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;
int state;

task one_branch(int fd, bool exclusive)
{
	if (exclusive)
		m.lock();
	co_await read_async(fd);
	// CHECK: cxx-branches.cpp:[[@LINE-1]]:2: warning: 'm' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	if (exclusive)
		m.unlock();
}

task unlocked_on_every_path(int fd, bool fast)
{
	m.lock();
	if (fast) {
		state++;
		m.unlock();
	} else {
		state--;
		m.unlock();
	}
	co_await read_async(fd);
}
