// An owned pointer made on one branch is leaked at a later co_await only
// on the path that made it; freed on that branch before the suspend, it
// is not.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <cstdlib>
#include "coro.h"

void use(char *);

task maybe(int fd, bool big)
{
	char *extra = nullptr;
	if (big)
		extra = static_cast<char *>(std::malloc(4096));
	co_await read_async(fd);
	// CHECK: cxx-branches.cpp:[[@LINE-1]]:2: warning: 'extra' is leaked if the coroutine is destroyed at this 'co_await' [cancel-lost-value]
	use(extra);
	std::free(extra);
}

task freed_on_its_branch(int fd, bool big)
{
	if (big) {
		char *scratch = new char[64];
		use(scratch);
		delete[] scratch;
	}
	co_await read_async(fd);
}
