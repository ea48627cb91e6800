// The program's own classes: a local object's destructor runs where the
// coroutine is destroyed at a suspend point and does what its body does
// (the order they run in: cxx-own-destructors-order.cpp). A destructor that unlocks the mutex held there
// (through a reference or pointer member the object was built with, or a
// member function it calls) keeps cancel-held-guard silent; one that does
// something else does not.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex mu, other;

// Unlocks the mutex it refers to.
struct Unlocker {
	std::mutex &m;
	~Unlocker() { m.unlock(); }
};

// The same through a pointer member, set by a constructor.
class PtrUnlocker {
	std::mutex *m_;
public:
	explicit PtrUnlocker(std::mutex *m) : m_(m) {}
	~PtrUnlocker() { m_->unlock(); }
};

// Its destructor unlocks through a member function.
class Closer {
	std::mutex &m_;
	void release() { m_.unlock(); }
public:
	explicit Closer(std::mutex &m) : m_(m) {}
	~Closer();
};
Closer::~Closer() { release(); }

// Does something unrelated.
struct Counter {
	int *n;
	~Counter() { ++*n; }
};

// Unlocks a mutex, not the one held.
struct OtherUnlocker {
	~OtherUnlocker() { other.unlock(); }
};

task unrelated(int fd, int *n)
{
	mu.lock();
	Counter c{n};
	co_await read_async(fd);
	// CHECK: cxx-own-destructors.cpp:[[@LINE-1]]:2: warning: 'mu' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	mu.unlock();
}

task wrong_mutex(int fd)
{
	mu.lock();
	OtherUnlocker o;
	co_await read_async(fd);
	// CHECK: cxx-own-destructors.cpp:[[@LINE-1]]:2: warning: 'mu' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	mu.unlock();
}

task scope_ended(int fd)
{
	mu.lock();
	{
		Unlocker u{mu};
	}
	mu.lock();
	co_await read_async(fd);
	// CHECK: cxx-own-destructors.cpp:[[@LINE-1]]:2: warning: 'mu' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	mu.unlock();
}

// Silent from here on.

task by_reference(int fd)
{
	mu.lock();
	Unlocker u{mu};
	co_await read_async(fd);
}

task by_pointer(int fd)
{
	mu.lock();
	PtrUnlocker u(&mu);
	co_await read_async(fd);
}

task through_member_function(int fd)
{
	mu.lock();
	Closer c(mu);
	co_await read_async(fd);
}
