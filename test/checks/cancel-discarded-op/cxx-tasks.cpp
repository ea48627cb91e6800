// C++20: a coroutine task created and dropped is the C++ form of
// discarding an asynchronous operation: the task is destroyed without
// being awaited, and its work is not done. A task is a function's result
// whose type has a promise_type. Flagged: a call as a statement, a (void)
// cast, std::ignore = task, a local never read. Silent: a task awaited,
// handed to a function (a spawn), returned, and a function returning void
// (a detached spawn).
// RUN: not %cancelcheck --checks='-*,cancel-discarded-op' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <tuple>
#include "coro.h"

task fetch(int fd);
void spawn_detached(task t);
void co_spawn_detached(int fd);

task caller(int fd)
{
	fetch(fd);
	// CHECK: cxx-tasks.cpp:[[@LINE-1]]:2: warning: the coroutine task 'fetch' returns is discarded without being awaited: what it was to do is not done [cancel-discarded-op]
	(void)fetch(fd);
	// CHECK: cxx-tasks.cpp:[[@LINE-1]]:8: warning: the coroutine task 'fetch' returns is discarded without being awaited
	std::ignore = fetch(fd);
	// CHECK: cxx-tasks.cpp:[[@LINE-1]]:16: warning: the coroutine task 'fetch' returns is discarded without being awaited
	task t = fetch(fd);
	// CHECK: cxx-tasks.cpp:[[@LINE-1]]:11: warning: the coroutine task 'fetch' returns is stored but never awaited or handed on: what it was to do is not done [cancel-discarded-op]
	co_await read_async(fd);
}

struct client {
	task login(int fd);
	task start(int fd)
	{
		login(fd);
		// CHECK: cxx-tasks.cpp:[[@LINE-1]]:3: warning: the coroutine task 'client::login' returns is discarded without being awaited
		co_await read_async(fd);
	}
};

// Silent from here on.

void handed_on(int fd)
{
	spawn_detached(fetch(fd));
	task t = fetch(fd);
	spawn_detached(t);
	co_spawn_detached(fd);
}

task returned(int fd)
{
	return fetch(fd);
}
