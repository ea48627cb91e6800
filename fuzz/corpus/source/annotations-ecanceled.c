// Comparing the status with -ECANCELED: the cancel edge takes the branch
// where rc == -ECANCELED, and (since -ETIMEDOUT is a cancellation too) the
// branch where rc != -ECANCELED as well.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

int wait_bad_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc == -ECANCELED)
		return rc;
	mu_unlock(m);
	return rc;
}

int wait_good_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc == -ECANCELED) {
		mu_unlock(m);
		return rc;
	}
	mu_unlock(m);
	return rc;
}

// The call compared directly.
int wait_bad_2(struct mu *m)
{
	mu_lock(m);
	if (ev_wait(-1) == -ECANCELED)
		return -ECANCELED;
	mu_unlock(m);
	return 0;
}

int wait_good_2(struct mu *m)
{
	mu_lock(m);
	if (ev_wait(-1) == -ECANCELED) {
		mu_unlock(m);
		return -ECANCELED;
	}
	mu_unlock(m);
	return 0;
}

// `!= -ECANCELED` unlocks on the other statuses only; -ECANCELED itself
// returns with the lock held.
int wait_bad_3(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc != -ECANCELED) {
		mu_unlock(m);
		return rc;
	}
	return rc;
}

// Both branches unlock.
int wait_good_3(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc != -ECANCELED) {
		mu_unlock(m);
		return rc;
	}
	mu_unlock(m);
	return -ECANCELED;
}

// Success is only rc == 0: the cancel edge never reaches the `== 0` branch.
int wait_good_4(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc == 0)
		return 0;	/* still locked on success: the caller unlocks */
	mu_unlock(m);
	return rc;
}

// A positive status never comes from a cancelled call.
int wait_good_5(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc > 0)
		return rc;	/* still locked: the caller unlocks */
	mu_unlock(m);
	return rc;
}

int wait_bad_5(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc <= 0)
		return rc;
	mu_unlock(m);
	return rc;
}
