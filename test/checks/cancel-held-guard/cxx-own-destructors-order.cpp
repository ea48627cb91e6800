// Local objects of the program's own classes: each declaration calls the
// constructor on the object (argument 0) and pushes its destructor as a
// cleanup; where the scope ends they run innermost first, and the destroy
// edge of the suspend runs the cleanups on the stack, innermost first too.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 -I%S/../Inputs 2>/dev/null | FileCheck %s
#include <mutex>
#include "coro.h"

std::mutex a, b;

class Holder {
	std::mutex &m_;
public:
	explicit Holder(std::mutex &m) : m_(m) { m_.lock(); }
	~Holder() { m_.unlock(); }
};

// CHECK-LABEL: function Holder::Holder
// CHECK: consume m by store
// CHECK: acquire this->m_ [std::mutex::lock]
// CHECK-LABEL: function two
// CHECK: acquire a [Holder::Holder]
// CHECK: cleanup-push Holder::~Holder(first)
// CHECK: acquire b [Holder::Holder]
// CHECK: cleanup-push Holder::~Holder(second)
// CHECK: suspend cancel=destroys [co_await]
// CHECK: cleanup-pop
// CHECK-NEXT: release b [Holder::~Holder]
// CHECK: cleanup-pop
// CHECK-NEXT: release a [Holder::~Holder]
task two(int fd)
{
	Holder first(a);
	Holder second(b);
	co_await read_async(fd);
}
