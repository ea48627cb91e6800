// co_return leaves the coroutine as return does: the guards of the scopes
// it leaves are released there, and nothing after it on that path runs.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 -I%S/../checks/Inputs 2>/dev/null | FileCheck %s
#include <mutex>
#include "coro.h"

std::mutex m;

task finish(int fd, bool done)
{
	std::lock_guard<std::mutex> g(m);
	if (done)
		co_return;
	co_await read_async(fd);
}

// CHECK-LABEL: function finish
// CHECK: acquire m [std::lock_guard]
// CHECK: branch
// CHECK: [task::promise_type::return_void]
// CHECK-NEXT: cleanup-pop
// CHECK-NEXT: release m [std::lock_guard::~lock_guard]
// CHECK-NEXT: return
// CHECK: suspend cancel=destroys [co_await]
