// A cancel branch that ends in a function that never returns does not leave
// the function holding anything: there is no return. Functions are known
// not to return from __attribute__((noreturn)) / _Noreturn, or from
// `noreturn: true` in the config.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;
#ifdef CONFIG_NORETURN
void die(const char *why);
#else
__attribute__((noreturn)) void die(const char *why);
#endif
_Noreturn void panic(const char *why);
void warn(const char *why);

int wait_good_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc < 0)
		die("cancelled while holding m");
	mu_unlock(m);
	return 0;
}

int wait_good_2(struct mu *m)
{
	mu_lock(m);
	if (ev_wait(-1) < 0)
		panic("cancelled while holding m");
	mu_unlock(m);
	return 0;
}

// An ordinary function returns, and so does the cancel branch.
int wait_bad_3(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc < 0) {
		warn("cancelled while holding m");
		return rc;
	}
	mu_unlock(m);
	return 0;
}
