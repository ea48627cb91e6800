// The cancel edge's status is -ECANCELED or -ETIMEDOUT, nothing else: once
// both are handled, a later `rc < 0` return is an ordinary error path, and a
// comparison with any other errno constant is never true on the cancel edge.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

int wait_good_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc == -ECANCELED || rc == -ETIMEDOUT) {
		mu_unlock(m);
		return rc;
	}
	if (rc < 0)
		return rc;	/* -EIO and friends: not a cancel edge */
	mu_unlock(m);
	return 0;
}

int wait_good_2(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc != -ECANCELED && rc != -ETIMEDOUT) {
		if (rc < 0)
			return rc;
	}
	mu_unlock(m);
	return rc;
}

// -EAGAIN is never the status of a cancelled call.
int wait_good_3(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc == -EAGAIN)
		return rc;
	mu_unlock(m);
	return rc;
}

// The neighbour that must still be flagged: -ETIMEDOUT forgotten.
int wait_bad_4(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc == -ECANCELED || rc == -EAGAIN) {
		mu_unlock(m);
		return rc;
	}
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}
