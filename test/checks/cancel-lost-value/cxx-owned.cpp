// C++20: a raw owned pointer (new, new[], malloc) alive where a coroutine
// suspends is leaked if the coroutine is destroyed there: only destructors
// run, and a raw pointer has none. Values owned by an object with a
// destructor (std::unique_ptr, a container) and values deleted before
// the suspend are silent.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <cstdlib>
#include <memory>
#include <vector>
#include "coro.h"

struct msg {
	int n;
};
void deliver(msg *m);

task raw_new(int fd)
{
	msg *m = new msg{1};
	co_await read_async(fd);
	// CHECK: cxx-owned.cpp:[[@LINE-1]]:2: warning: 'm' is leaked if the coroutine is destroyed at this 'co_await' [cancel-lost-value]
	// CHECK: cxx-owned.cpp:[[@LINE-3]]:11: note: 'm' obtained here from 'operator new'
	// CHECK: note: fix: own it in an object whose destructor releases it (std::unique_ptr), or release it before suspending
	deliver(m);
}

task raw_array(int fd)
{
	msg *ms = new msg[4];
	co_yield 1;
	// CHECK: cxx-owned.cpp:[[@LINE-1]]:2: warning: 'ms' is leaked if the coroutine is destroyed at this 'co_yield' [cancel-lost-value]
	delete[] ms;
}

task raw_malloc(int fd)
{
	char *buf = static_cast<char *>(malloc(64));
	int n = co_await read_async(fd);
	// CHECK: cxx-owned.cpp:[[@LINE-1]]:10: warning: 'buf' is leaked if the coroutine is destroyed at this 'co_await' [cancel-lost-value]
	(void)n;
	free(buf);
}

// Silent from here on.

task smart(int fd)
{
	auto m = std::make_unique<msg>();
	co_await read_async(fd);
	deliver(m.release());
}

task adopted_by_smart(int fd)
{
	std::unique_ptr<msg> m(new msg{2});
	co_await read_async(fd);
}

task into_container(int fd, std::vector<msg *> &out)
{
	out.push_back(new msg{3});
	co_await read_async(fd);
}

task deleted_first(int fd)
{
	msg *m = new msg{4};
	delete m;
	co_await read_async(fd);
}

task placement(int fd)
{
	alignas(msg) unsigned char raw[sizeof(msg)];
	msg *m = new (raw) msg{5};
	co_await read_async(fd);
	(void)m;
}
