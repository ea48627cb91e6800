// A minimal C++20 coroutine task and awaitable for the C++ tests: what a
// library such as Asio or folly::coro provides, cut to what the analyzer
// sees (co_await on an awaitable, a coroutine returning a task).
#pragma once
#include <coroutine>

struct task {
	struct promise_type {
		task get_return_object() { return {}; }
		std::suspend_never initial_suspend() noexcept { return {}; }
		std::suspend_never final_suspend() noexcept { return {}; }
		void return_void() {}
		void unhandled_exception() {}
		std::suspend_always yield_value(int) { return {}; }
	};
};

struct io {
	bool await_ready() const noexcept { return false; }
	void await_suspend(std::coroutine_handle<>) {}
	int await_resume() { return 0; }
};

io read_async(int fd);
io sleep_async(int ms);
