// A generator suspends at every co_yield: a lock held across the loop that
// yields is reported at the co_yield; a lock held only to compute each
// value, released before yielding it, is not.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include <vector>
#include "coro.h"

std::mutex m;
std::vector<int> values;

task all_under_lock()
{
	std::lock_guard<std::mutex> g(m);
	for (int v : values)
		co_yield v;
	// CHECK: cxx-generator.cpp:[[@LINE-1]]:3: warning: thread-blocking lock 'm' is held while 'co_yield' suspends the coroutine [suspend-holding-lock]
}

task copy_then_yield()
{
	for (unsigned i = 0;; i++) {
		int v;
		{
			std::lock_guard<std::mutex> g(m);
			if (i >= values.size())
				break;
			v = values[i];
		}
		co_yield v;
	}
}
