// A task that is awaited, directly or after being kept in a local, moved,
// returned or handed on, is used: nothing is reported. A local awaited on
// one path only is read, and not reported either (the rule is "never
// read").
// RUN: %cancelcheck --checks='-*,cancel-discarded-op' %s -- -std=c++20 -I%S/../Inputs 2>/dev/null \
// RUN:   | count 0
#include <coroutine>
#include <utility>
#include "coro.h"

struct lazy {
	struct promise_type {
		lazy get_return_object() { return {}; }
		std::suspend_always initial_suspend() noexcept { return {}; }
		std::suspend_always final_suspend() noexcept { return {}; }
		void return_void() {}
		void unhandled_exception() {}
	};
	bool await_ready() const noexcept { return false; }
	void await_suspend(std::coroutine_handle<>) {}
	void await_resume() {}
};

lazy step(int n);
void run_later(lazy t);

lazy pipeline(int n, bool twice)
{
	co_await step(n);
	lazy t = step(n + 1);
	co_await std::move(t);
	lazy u = step(n + 2);
	if (twice)
		co_await std::move(u);
	run_later(step(n + 3));
}

lazy forwarded(int n)
{
	return step(n);
}
