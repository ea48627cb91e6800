// for (x : range): the range is evaluated once, then the body runs any
// number of times (a loop with an opaque condition); a guard declared in
// the body is released at the end of each pass, and on break.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 2>/dev/null | FileCheck %s
#include <mutex>
#include <vector>

std::mutex m;
int total;
std::vector<int> pending();

void drain()
{
	for (int v : pending()) {
		std::lock_guard<std::mutex> g(m);
		if (v < 0)
			break;
		total += v;
	}
}

// CHECK-LABEL: function drain
// CHECK: [pending]
// CHECK-NEXT: goto bb[[HEAD:[0-9]+]]
// CHECK: bb[[HEAD]]:
// CHECK-NEXT: branch ? bb[[BODY:[0-9]+]] : bb[[EXIT:[0-9]+]]
// CHECK: bb[[BODY]]:
// CHECK-NEXT: acquire m [std::lock_guard]
// CHECK: bb[[EXIT]]:
// CHECK-NEXT: return
// break:
// CHECK: cleanup-pop
// CHECK-NEXT: release m [std::lock_guard::~lock_guard]
// CHECK-NEXT: goto bb[[EXIT]]
// the end of a pass:
// CHECK: cleanup-pop
// CHECK-NEXT: release m [std::lock_guard::~lock_guard]
// CHECK-NEXT: goto bb[[HEAD]]
