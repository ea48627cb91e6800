// A lock guard is an acquire named by its type and a cleanup named by its
// destructor, unless a tag says it does not lock: std::defer_lock and
// std::try_to_lock (no acquire), std::adopt_lock (held already: the
// cleanup only). std::scoped_lock acquires each of its mutexes. A guard
// initialized from another (moved) is not a new acquire.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 2>/dev/null | FileCheck %s
#include <mutex>
#include <utility>

std::mutex a, b;

void tags()
{
	std::unique_lock<std::mutex> d(a, std::defer_lock);
	std::unique_lock<std::mutex> t(b, std::try_to_lock);
}
// CHECK-LABEL: function tags
// CHECK-NOT: acquire
// CHECK: cleanup-push std::unique_lock::~unique_lock(a)
// CHECK-NOT: acquire
// CHECK: cleanup-push std::unique_lock::~unique_lock(b)

void adopted()
{
	a.lock();
	std::lock_guard<std::mutex> g(a, std::adopt_lock);
}
// CHECK-LABEL: function adopted
// CHECK: acquire a [std::mutex::lock]
// CHECK-NEXT: kill
// CHECK-NEXT: cleanup-push std::lock_guard::~lock_guard(a)
// CHECK-NEXT: cleanup-pop
// CHECK-NEXT: release a [std::lock_guard::~lock_guard]

void both()
{
	std::scoped_lock s(a, b);
}
// CHECK-LABEL: function both
// CHECK: acquire a [std::scoped_lock]
// CHECK: cleanup-push std::scoped_lock::~scoped_lock(a)
// CHECK: acquire b [std::scoped_lock]
// CHECK: cleanup-push std::scoped_lock::~scoped_lock(b)

void moved()
{
	std::unique_lock<std::mutex> l(a);
	std::unique_lock<std::mutex> l2(std::move(l));
}
// CHECK-LABEL: function moved
// CHECK: acquire a [std::unique_lock]
// CHECK-NOT: acquire
// CHECK: return
