// What a task is: any result type with a promise_type, a class template
// (task<T>) included, returned by a free function, a member function or a
// static member function. Dropping one is reported; a function returning
// something else (void, int, a plain struct) is not a task.
// RUN: not %cancelcheck --checks='-*,cancel-discarded-op' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <coroutine>
#include "coro.h"

template <typename T> struct lazy {
	struct promise_type {
		lazy get_return_object() { return {}; }
		std::suspend_always initial_suspend() noexcept { return {}; }
		std::suspend_always final_suspend() noexcept { return {}; }
		void return_value(T) {}
		void unhandled_exception() {}
	};
};

lazy<int> compute(int x);
struct plain {
	int v;
};
plain make_plain(int x);
int count(int x);

struct service {
	task refresh();
	static lazy<long> total();
	void run()
	{
		refresh();
		// CHECK: cxx-task-kinds.cpp:[[@LINE-1]]:3: warning: the coroutine task 'service::refresh' returns is discarded without being awaited
		total();
		// CHECK: cxx-task-kinds.cpp:[[@LINE-1]]:3: warning: the coroutine task 'service::total' returns is discarded without being awaited
	}
};

void caller()
{
	compute(1);
	// CHECK: cxx-task-kinds.cpp:[[@LINE-1]]:2: warning: the coroutine task 'compute' returns is discarded without being awaited
	make_plain(2);
	count(3);
}
