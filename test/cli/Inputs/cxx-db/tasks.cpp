// Coroutines defined in one file, used from another (cxx-whole-program.test).
#include <chrono>
#include <thread>
#include "coro.h"

void pause_briefly()
{
	std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

task fetch(int fd)
{
	co_await read_async(fd);
}
