// C++ functions are named with their namespaces and classes, without
// template arguments or inline namespaces; a function of the global
// namespace (and extern "C") keeps its plain name, so the C models still
// apply to it. A call to a member function takes its object first.
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 -pthread 2>/dev/null | FileCheck %s
#include <pthread.h>

namespace store {
inline namespace v2 {
struct shard {
	pthread_mutex_t mu;
	void put(int k);
	template <typename T> void get(T k) { put((int)k); }
};
void shard::put(int k)
{
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
}
}
}

extern "C" void plain_c(store::shard *s)
{
	s->put(1);
	s->get(2L);
}

// CHECK-LABEL: function store::shard::get
// CHECK: store::shard::put
// CHECK-LABEL: function store::shard::put
// CHECK: acquire &this->mu [pthread_mutex_lock]
// CHECK: release &this->mu [pthread_mutex_unlock]
// CHECK-LABEL: function plain_c
// CHECK: [store::shard::put]
// CHECK: [store::shard::get]
