// A lock released by a cleanup-attribute guard variable (the cco guard
// macro shape) is released on every return, the cancel branch included.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

static void mu_unlockp(struct mu **m)
{
	if (*m)
		mu_unlock(*m);
}
#define MU_GUARD(m) \
	__attribute__((cleanup(mu_unlockp))) struct mu *guard__ = (mu_lock(m), (m))

int held_good_1(struct mu *m)
{
	mu_lock(m);
	__attribute__((cleanup(mu_unlockp))) struct mu *held = m;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	return 0;
}

int held_good_2(struct mu *m)
{
	MU_GUARD(m);
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	return 0;
}

// The guard covers one lock; the other leaks.
int held_bad_3(struct mu *a, struct mu *b)
{
	MU_GUARD(a);
	mu_lock(b);
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(b);
	return 0;
}
