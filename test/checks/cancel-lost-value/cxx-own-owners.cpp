// An owned pointer handed to a local object of the program's own class:
// whether the object owns it from then on is what its constructor does
// with it. Stored in a member (a member initializer, or an assignment in
// the body): the object's; the destructor releases it where the coroutine
// is destroyed. Only read (its length measured, its first byte copied):
// still the coroutine's, and leaked there.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=c++20 -I%S/../Inputs \
// RUN:   2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <cstring>
#include "coro.h"

class Buffer {
	char *p_;
public:
	explicit Buffer(char *p) : p_(p) {}
	~Buffer() { delete[] p_; }
};

class LateBuffer {
	char *p_;
public:
	explicit LateBuffer(char *p) { p_ = p; }
	~LateBuffer() { delete[] p_; }
};

class Measure {
	std::size_t n_;
	char first_;
public:
	explicit Measure(const char *p) : n_(std::strlen(p)), first_(p[0]) {}
	~Measure() {}
};

task measured(int fd)
{
	char *p = new char[16]();
	Measure m(p);
	co_await read_async(fd);
	// CHECK: cxx-own-owners.cpp:[[@LINE-1]]:2: warning: 'p' is leaked if the coroutine is destroyed at this 'co_await' [cancel-lost-value]
	delete[] p;
}

// Silent from here on.

task stored(int fd)
{
	char *p = new char[16]();
	Buffer b(p);
	co_await read_async(fd);
}

task stored_in_body(int fd)
{
	char *p = new char[16]();
	LateBuffer b(p);
	co_await read_async(fd);
}
