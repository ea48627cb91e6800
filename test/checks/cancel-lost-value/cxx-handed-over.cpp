// An owned pointer handed to a function before the suspend (stored,
// queued, freed) is no longer the coroutine's; one kept across the
// suspend and handed over after it is leaked if the coroutine is
// destroyed there.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <cstdlib>
#include "coro.h"

struct msg {
	int n;
};
void enqueue(msg *m);

task before(int fd)
{
	msg *m = new msg{1};
	enqueue(m);
	co_await read_async(fd);
}

task after(int fd)
{
	msg *m = new msg{2};
	co_await read_async(fd);
	// CHECK: cxx-handed-over.cpp:[[@LINE-1]]:2: warning: 'm' is leaked if the coroutine is destroyed at this 'co_await' [cancel-lost-value]
	enqueue(m);
}

task freed(int fd)
{
	char *b = static_cast<char *>(std::malloc(16));
	std::free(b);
	co_await read_async(fd);
}
