// Uses tasks.cpp's functions (cxx-whole-program.test).
#include <mutex>
#include "coro.h"

std::mutex m;
void pause_briefly();
task fetch(int fd);
void spawn(task t);

void start(int fd)
{
	std::lock_guard<std::mutex> g(m);
	spawn(fetch(fd));		/* calling a coroutine does not suspend */
}

task poll(int fd)
{
	co_await read_async(fd);
	pause_briefly();		/* blocks, through its summary */
}
