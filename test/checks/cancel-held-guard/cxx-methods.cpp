// A member function's object is its argument 0, and the parameters it
// declares come after it: a lock it takes is named on its caller's object
// ('c.mu', 'p->mu') or by what the caller passed. The same for an
// annotation on a member function, which counts the declared parameters.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -std=c++20 -I%S/../Inputs -I%annotations \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <mutex>
#include <cancelcheck/annotations.h>
#include "coro.h"

std::mutex g;

struct Conn {
	std::mutex mu;
	void grab() { mu.lock(); }
	void drop() { mu.unlock(); }
	void take(std::mutex *m) { m->lock(); }
	void grab_twice_removed() { grab(); }
	void take_declared(int flags, std::mutex *m) CCK_ACQUIRES(2);
};

task on_object(Conn &c, int fd)
{
	c.grab();
	co_await read_async(fd);
	// CHECK: cxx-methods.cpp:[[@LINE-1]]:2: warning: 'c.mu' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	// CHECK: cxx-methods.cpp:[[@LINE-3]]:2: note: 'c.mu' acquired here by 'Conn::grab'
	c.drop();
}

task through_pointer(Conn *p, int fd)
{
	p->grab_twice_removed();
	co_await read_async(fd);
	// CHECK: cxx-methods.cpp:[[@LINE-1]]:2: warning: 'p->mu' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	p->drop();
}

task argument(Conn &c, int fd)
{
	c.take(&g);
	co_await read_async(fd);
	// CHECK: cxx-methods.cpp:[[@LINE-1]]:2: warning: 'g' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	// CHECK: cxx-methods.cpp:[[@LINE-3]]:2: note: 'g' acquired here by 'Conn::take'
	g.unlock();
}

task annotated(Conn &c, int fd)
{
	c.take_declared(0, &g);
	co_await read_async(fd);
	// CHECK: cxx-methods.cpp:[[@LINE-1]]:2: warning: '&g' is still held if the coroutine is destroyed at this 'co_await' [cancel-held-guard]
	g.unlock();
}

// Silent from here on.

task released(Conn &c, Conn *p, int fd)
{
	c.grab();
	c.drop();
	p->grab();
	(*p).drop();
	co_await read_async(fd);
}

task released_argument(Conn &c, int fd)
{
	c.take(&g);
	g.unlock();
	co_await read_async(fd);
}
