// A program's own lock guards (see cxx-user-guards.test).
#include <mutex>
#include "coro.h"
#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mutex {
public:
	void Lock() ACQUIRE();
	void Unlock() RELEASE();
};
class SCOPED_CAPABILITY MutexLock {
public:
	MutexLock(Mutex *mu) ACQUIRE(mu) : mu_(mu) { mu->Lock(); }
	~MutexLock() RELEASE() { mu_->Unlock(); }
private:
	Mutex *mu_;
};
namespace app {
struct spin_guard {
	explicit spin_guard(std::mutex &m) : m_(m) { m_.lock(); }
	~spin_guard() { m_.unlock(); }
	std::mutex &m_;
};
}
Mutex mu;
std::mutex sm;

task thread_safety(int fd)
{
	MutexLock l(&mu);
	co_await read_async(fd);
}

task by_config(int fd)
{
	app::spin_guard g(sm);
	co_await read_async(fd);
}

task scope_ended(int fd)
{
	{
		MutexLock l(&mu);
		app::spin_guard g(sm);
	}
	co_await read_async(fd);
}
