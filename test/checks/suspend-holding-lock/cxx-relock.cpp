// A std::unique_lock unlocked for a suspend and locked again after it:
// the suspend while it is unlocked is silent, the next one, after lock(),
// is reported. Tracking is by what the guard holds, not by its scope.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;
int shared_count;

task pump(int fd)
{
	std::unique_lock<std::mutex> l(m);
	shared_count++;
	l.unlock();
	int n = co_await read_async(fd);
	l.lock();
	shared_count += n;
	co_await read_async(fd);
	// CHECK: cxx-relock.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	// CHECK: cxx-relock.cpp:[[@LINE-4]]:2: note: 'm' acquired here by 'std::unique_lock::lock'
}
