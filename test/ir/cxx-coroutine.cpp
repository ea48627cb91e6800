// How C++20 coroutines are lowered. libclang shows co_await, co_yield and
// co_return as unexposed kinds, and a coroutine's body wrapped in the
// compiler's own statements: the operand of a co_await is evaluated, then
// the function suspends at "co_await" (cancel=destroys: the locals'
// destructors run); the awaiter's await_ready/await_suspend/await_resume
// and the promise's bookkeeping are not the program's calls and are left
// out. A lock guard is an acquire and a cleanup that releases. Member
// functions are named with their class and namespace, and take their
// object first. A range-for runs its body any number of times.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 -I%S/../checks/Inputs 2>/dev/null | FileCheck %s
#include <mutex>
#include "coro.h"

namespace app {
struct conn {
	std::mutex mu;
	task pump(int fd);
};

task conn::pump(int fd)
{
	std::lock_guard<std::mutex> g(mu);
	int n = co_await read_async(fd);
	int fds[2] = { n, fd };
	for (int f : fds)
		co_yield f;
	co_return;
}
}

// CHECK-LABEL: function app::conn::pump
// CHECK-NEXT: bb0:
// CHECK-NEXT: acquire this->mu [std::lock_guard]
// CHECK-NEXT: cleanup-push std::lock_guard::~lock_guard(this->mu)
// CHECK-NOT: await_
// CHECK: suspend cancel=destroys [co_await] -> [[T:%t[0-9]+]]
// CHECK-NEXT: copy n = [[T]]
// CHECK-NOT: await_
// CHECK: suspend cancel=destroys [co_yield]
// CHECK-NOT: await_
// CHECK: cleanup-pop
// CHECK-NEXT: release this->mu [std::lock_guard::~lock_guard]
// CHECK-NEXT: return
