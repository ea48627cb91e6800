// A lambda is lowered as a function of its own, named after the function
// that holds it and its position; its body, and what the compiler adds to
// a coroutine lambda (the frame's allocation, the promise), are not the
// enclosing function's. Lambdas in lambdas are lowered too.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 -I%S/../checks/Inputs 2>/dev/null | FileCheck %s
#include "coro.h"

void spawn(task t);

void outer(int fd)
{
	auto l = [fd]() -> task {
		auto inner = [](int x) { return x + 1; };
		co_await read_async(inner(fd));
	};
	spawn(l());
}

// CHECK-LABEL: function outer
// CHECK-NOT: operator new
// CHECK-NOT: suspend
// CHECK: [spawn]
// CHECK: return
// CHECK-LABEL: function outer::lambda@12:11
// CHECK: suspend cancel=destroys [co_await]
// CHECK-LABEL: function outer::lambda@12:11::lambda@13:16
// CHECK-NOT: suspend
// CHECK: return
