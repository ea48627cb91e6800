// A switch on the status of a suspending call: on the cancel edge only the
// cases that can hold -ECANCELED or -ETIMEDOUT (and default) are reachable.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

// Success keeps the lock for the caller; every failure unlocks.
int wait_good_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	switch (rc) {
	case 0:
		return 0;
	default:
		mu_unlock(m);
		return rc;
	}
}

int wait_good_2(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	switch (rc) {
	case -ECANCELED:
	case -ETIMEDOUT:
		mu_unlock(m);
		return rc;
	default:
		break;
	}
	if (rc < 0)
		return rc;	/* not a cancel edge */
	mu_unlock(m);
	return 0;
}

// -ETIMEDOUT returns with the lock held.
int wait_bad_3(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	switch (rc) {
	case -ECANCELED:
		mu_unlock(m);
		return rc;
	case -ETIMEDOUT:
		return rc;
	default:
		break;
	}
	mu_unlock(m);
	return rc;
}

// Any failure returns with the lock held.
int wait_bad_4(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	switch (rc) {
	case 0:
		break;
	default:
		return rc;
	}
	mu_unlock(m);
	return 0;
}
