// C++ casts (static_cast, reinterpret_cast, const_cast, functional casts)
// are seen through, as C casts are: the value malloc returns is owned by
// the variable it is cast into.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 2>/dev/null | FileCheck %s
#include <cstdlib>

void f()
{
	char *a = static_cast<char *>(std::malloc(8));
	long *b = reinterpret_cast<long *>(std::malloc(8));
	const char *c = const_cast<const char *>(a);
	std::free(b);
	std::free(const_cast<char *>(c));
}

// CHECK-LABEL: function f
// CHECK: own [malloc] -> a if nonzero
// CHECK: own [malloc] -> b if nonzero
// CHECK: copy c = a
// CHECK: consume b by call [free]
// CHECK: consume c by call [free]
