// co_await is a suspend point wherever it appears in an expression: a
// return value, an if or while condition, a call's argument, either arm
// of a conditional, an operand of a binary operator, and the operand of
// another co_await. Each is reported where the lock is held across it.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex m;
void use(int);
io wrap(int);

task in_condition(int fd)
{
	std::lock_guard<std::mutex> g(m);
	if (co_await read_async(fd) > 0)
	// CHECK: cxx-await-positions.cpp:[[@LINE-1]]:6: warning: thread-blocking lock 'm'
		use(1);
}

task in_loop_condition(int fd)
{
	std::lock_guard<std::mutex> g(m);
	while (co_await read_async(fd) > 0)
	// CHECK: cxx-await-positions.cpp:[[@LINE-1]]:9: warning: thread-blocking lock 'm'
		use(2);
}

task as_argument(int fd)
{
	std::lock_guard<std::mutex> g(m);
	use(co_await read_async(fd));
	// CHECK: cxx-await-positions.cpp:[[@LINE-1]]:6: warning: thread-blocking lock 'm'
}

task in_conditional(int fd, bool slow)
{
	std::lock_guard<std::mutex> g(m);
	int n = slow ? co_await sleep_async(fd) : 0;
	// CHECK: cxx-await-positions.cpp:[[@LINE-1]]:17: warning: thread-blocking lock 'm'
	use(n);
}

task in_binary(int fd)
{
	std::lock_guard<std::mutex> g(m);
	int n = 1 + co_await read_async(fd);
	// CHECK: cxx-await-positions.cpp:[[@LINE-1]]:14: warning: thread-blocking lock 'm'
	use(n);
}

task nested(int fd)
{
	std::lock_guard<std::mutex> g(m);
	co_await wrap(co_await read_async(fd));
	// CHECK-DAG: cxx-await-positions.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'm'
	// CHECK-DAG: cxx-await-positions.cpp:[[@LINE-2]]:16: warning: thread-blocking lock 'm'
}

// Silent: the lock is taken after the suspend and released before the next.
task lock_between(int fd)
{
	int n = co_await read_async(fd);
	{
		std::lock_guard<std::mutex> g(m);
		use(n);
	}
	co_await read_async(fd);
}
