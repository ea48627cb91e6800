// A plain helper that blocks (sleeps, reads a blocking descriptor) makes
// its caller block: called from a coroutine it is reported at the call,
// naming the blocking call inside. Called from a plain function, silent.
// RUN: not %cancelcheck --checks='-*,blocking-in-coroutine' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <chrono>
#include <thread>
#include "coro.h"

static void backoff(int ms)
{
	std::this_thread::sleep_until(std::chrono::steady_clock::now() +
				      std::chrono::milliseconds(ms));
}

task retry(int fd)
{
	co_await read_async(fd);
	backoff(5);
	// CHECK: cxx-helper.cpp:[[@LINE-1]]:2: warning: {{.*}}'backoff'{{.*}}std::this_thread::sleep_until{{.*}} [blocking-in-coroutine]
}

void thread_main(int fd)
{
	backoff(5);
}
