// A coroutine lambda runs as a coroutine: a blocking call in it is
// reported. A plain lambda, and the function that creates a coroutine
// lambda, are not coroutines.
// RUN: not %cancelcheck --checks='-*,blocking-in-coroutine' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <unistd.h>
#include "coro.h"

void spawn(task t);
void later(void (*f)(int));

void start(int fd)
{
	spawn([fd]() -> task {
		co_await read_async(fd);
		sleep(1);
		// CHECK: cxx-lambda.cpp:[[@LINE-1]]:3: warning: 'sleep' blocks the thread inside coroutine '{{.*}}lambda@{{[0-9]+}}:{{[0-9]+}}'
	}());
	auto plain = [](int s) { sleep(s); };
	plain(1);
	sleep(1);
}
