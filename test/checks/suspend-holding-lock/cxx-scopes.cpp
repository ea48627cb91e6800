// A guard is released where its scope ends, on every way out of it: the
// end of a block, a break, a continue, a co_return. A suspend after that
// is silent; one inside the scope is reported. Namespaces and static
// member coroutines are analyzed like any other.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

namespace net {
std::mutex m;

struct poller {
	static task poll(int fd, int n)
	{
		for (int i = 0; i < n; i++) {
			std::lock_guard<std::mutex> g(m);
			if (i == 1)
				continue;
			if (i == 2)
				break;
			co_await read_async(fd);
			// CHECK: cxx-scopes.cpp:[[@LINE-1]]:4: warning: thread-blocking lock 'm' is held
		}
		co_await read_async(fd);	/* the guard is gone: silent */
	}
};

task early(int fd, bool stop)
{
	{
		std::lock_guard<std::mutex> g(m);
		if (stop)
			co_return;
	}
	co_await read_async(fd);		/* silent */
}
}
