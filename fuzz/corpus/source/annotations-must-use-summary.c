// warn_unused_result (or CCK_MUST_USE) says nothing about cancellation: a
// function defined here with it is still summarized from its body.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

__attribute__((warn_unused_result)) static int settle(void) { return ev_wait(-1); }
CCK_MUST_USE static int settle_more(void) { return ev_wait(-1); }
__attribute__((warn_unused_result)) static int quick(void) { return 0; }

int settle_bad_1(struct mu *m)
{
	mu_lock(m);
	int rc = settle();
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

int settle_bad_2(struct mu *m)
{
	mu_lock(m);
	int rc = settle_more();
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

int settle_good_2(struct mu *m)
{
	mu_lock(m);
	int rc = settle();
	mu_unlock(m);
	return rc;
}

// No suspend point inside.
int quick_good_3(struct mu *m)
{
	mu_lock(m);
	int rc = quick();
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}
