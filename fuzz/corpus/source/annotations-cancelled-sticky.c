// Once a coroutine is cancelled, every later suspending call returns a
// negative status at once (unless shielded). So checking the last call's
// status also catches a cancellation at an earlier one.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

// Cancelled at the first wait: the second returns negative too and its
// branch unlocks, so `a < 0` below is never the cancel edge.
int two_good_1(struct mu *m)
{
	mu_lock(m);
	int a = ev_wait(-1);
	int b = ev_wait(-1);
	if (b < 0) {
		mu_unlock(m);
		return b;
	}
	if (a < 0)
		return a;	/* an error of the first wait, not a cancellation */
	mu_unlock(m);
	return 0;
}

// The first status ignored: harmless, the second call reports it.
int two_good_2(struct mu *m)
{
	mu_lock(m);
	(void)ev_wait(-1);
	int rc = ev_wait(-1);
	mu_unlock(m);
	return rc;
}

// Checking only the first status misses a cancellation at the second.
int two_bad_3(struct mu *m)
{
	mu_lock(m);
	int a = ev_wait(-1);
	int b = ev_wait(-1);
	if (a < 0) {
		mu_unlock(m);
		return a;
	}
	if (b < 0)
		return b;
	mu_unlock(m);
	return 0;
}

// Cancelled at the first wait, the lock is taken anyway and the second wait
// fails at once with the lock held. (The second wait is flagged on its own
// too: `a` may hold an ordinary error when only the second is cancelled.)
int late_bad_4(struct mu *m)
{
	int a = ev_wait(-1);
	mu_lock(m);
	int b = ev_wait(-1);
	if (a < 0)
		return a;
	mu_unlock(m);
	return b;
}

// Returning before taking the lock fixes it.
int late_good_4(struct mu *m)
{
	int a = ev_wait(-1);
	if (a < 0)
		return a;
	mu_lock(m);
	int b = ev_wait(-1);
	mu_unlock(m);
	return b;
}
