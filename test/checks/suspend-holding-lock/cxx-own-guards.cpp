// A class of the program's own that locks a std::mutex in its constructor
// and unlocks it in its destructor, with no attribute and no config entry:
// followed through its bodies. An object of it alive at a co_await holds
// the mutex its constructor was given (flagged, named by that mutex); one
// whose scope ended before, or whose class template is instantiated the
// same way, likewise. A class whose constructor locks nothing is silent.
// RUN: not %cancelcheck --checks='-*,suspend-holding-lock' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include "coro.h"

std::mutex mu;

class Holder {
	std::mutex &m_;
public:
	explicit Holder(std::mutex &m) : m_(m) { m_.lock(); }
	~Holder() { m_.unlock(); }
};

// A class template; its bodies are read as written, uninstantiated, so
// the mutex's type must not depend on the template's parameters.
template <typename T>
class Held {
	std::mutex *m_;
	T *value_;
public:
	Held(std::mutex *m, T *v) : m_(m), value_(v) { m_->lock(); }
	~Held() { m_->unlock(); }
};

// Only remembers the mutex.
class Remember {
	std::mutex &m_;
public:
	explicit Remember(std::mutex &m) : m_(m) {}
	~Remember() {}
};

task held(int fd)
{
	Holder h(mu);
	co_await read_async(fd);
	// CHECK: cxx-own-guards.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'mu' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
	// CHECK: cxx-own-guards.cpp:[[@LINE-3]]:9: note: 'mu' acquired here by 'Holder::Holder'
}

task held_by_template(int fd)
{
	int v = 0;
	Held<int> h(&mu, &v);
	co_await read_async(fd);
	// CHECK: cxx-own-guards.cpp:[[@LINE-1]]:2: warning: thread-blocking lock 'mu' is held while 'co_await' suspends the coroutine [suspend-holding-lock]
}

// Silent from here on.

task scope_ended(int fd)
{
	{
		Holder h(mu);
	}
	co_await read_async(fd);
}

task remembered(int fd)
{
	Remember r(mu);
	co_await read_async(fd);
}
