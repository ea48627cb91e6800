// The side-by-side corpus: locks and coroutine suspends as clang-tidy's
// misc-coroutine-hostile-raii and cppcoreguidelines-no-suspend-with-lock
// see them, and as cancelcheck does. Markers (read by compare.py):
//   TIDY-FP  clang-tidy reports this line, but the lock is released
//            before the suspend: cancelcheck must not;
//   EXTRA    cancelcheck reports this line and clang-tidy does not.
// Every other line clang-tidy reports, cancelcheck must report too.
#include <mutex>
#include <shared_mutex>
#include "coro.h"

std::mutex m, m2;
std::shared_mutex rw;

task guard_held(int fd)
{
	std::lock_guard<std::mutex> g(m);
	co_await read_async(fd);
}

task unique_held(int fd)
{
	std::unique_lock<std::mutex> l(m);
	co_await read_async(fd);
}

task scoped_held(int fd)
{
	std::scoped_lock both(m, m2);
	co_await read_async(fd);
}

task shared_held()
{
	std::shared_lock<std::shared_mutex> r(rw);
	co_yield 1;
}

task in_initializer(int fd)
{
	std::lock_guard<std::mutex> g(m);
	int n = co_await read_async(fd);
	(void)n;
}

task unlocked_before(int fd)
{
	std::unique_lock<std::mutex> l(m);
	l.unlock();
	co_await read_async(fd);	// TIDY-FP
}

task deferred(int fd)
{
	std::unique_lock<std::mutex> l(m, std::defer_lock);
	co_await read_async(fd);	// TIDY-FP
}

task unlocked_then_relocked_after(int fd)
{
	std::unique_lock<std::mutex> l(m);
	l.unlock();
	co_await read_async(fd);	// TIDY-FP
	l.lock();
}

task by_hand(int fd)
{
	m.lock();
	co_await read_async(fd);	// EXTRA
	m.unlock();
}

task shared_by_hand()
{
	rw.lock_shared();
	co_yield 2;			// EXTRA
	rw.unlock_shared();
}

struct conn {
	std::mutex mu;
	task send(int fd)
	{
		std::lock_guard<std::mutex> g(mu);
		co_await read_async(fd);
	}
};

task scope_ended(int fd)
{
	{
		std::lock_guard<std::mutex> g(m);
	}
	co_await read_async(fd);
}

task in_loop(int fd)
{
	for (int i = 0; i < 2; i++) {
		std::lock_guard<std::mutex> g(m);
		co_await read_async(fd + i);
	}
}

int not_a_coroutine(int fd)
{
	std::lock_guard<std::mutex> g(m);
	return fd;
}
