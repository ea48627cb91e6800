// A try block is lowered as its block (its suspends and guards count);
// exceptions are not modelled, so the catch handlers are left out.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 -I%S/../checks/Inputs 2>/dev/null | FileCheck %s
#include <mutex>
#include "coro.h"

std::mutex m;
void on_error();

task guarded(int fd)
{
	try {
		std::lock_guard<std::mutex> g(m);
		co_await read_async(fd);
	} catch (...) {
		on_error();
	}
}

// CHECK-LABEL: function guarded
// CHECK: acquire m [std::lock_guard]
// CHECK: suspend cancel=destroys [co_await]
// CHECK: release m [std::lock_guard::~lock_guard]
// CHECK-NOT: on_error
// CHECK: return
