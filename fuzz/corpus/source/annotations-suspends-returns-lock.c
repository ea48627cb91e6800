// A made-up key-value client whose calls suspend under the 'returns' model:
// on cancellation kv_get returns -ECANCELED (or -ETIMEDOUT) and the caller's
// own error branch runs. A lock held across it must be released there.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct kv;
struct kv_mu;
int kv_get(struct kv *kv, const char *key, char **out, int64_t deadline) CCK_SUSPENDS_RETURNS;
void kv_lock(struct kv_mu *mu) CCK_ACQUIRES(1);
void kv_unlock(struct kv_mu *mu) CCK_RELEASES(1);

// The cancel branch returns the status and forgets the lock.
int lookup_bad_1(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	int rc = kv_get(kv, "user", out, -1);
	if (rc < 0)
		return rc;
	kv_unlock(mu);
	return 0;
}

// The cancel branch unlocks first.
int lookup_good_1(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	int rc = kv_get(kv, "user", out, -1);
	if (rc < 0) {
		kv_unlock(mu);
		return rc;
	}
	kv_unlock(mu);
	return 0;
}

// One unlock after the call covers every path.
int lookup_good_2(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	int rc = kv_get(kv, "user", out, -1);
	kv_unlock(mu);
	return rc;
}

// The call inside the condition: the cancel edge is the true branch.
int lookup_bad_3(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	if (kv_get(kv, "user", out, -1) < 0)
		return -1;
	kv_unlock(mu);
	return 0;
}

int lookup_good_3(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	if (kv_get(kv, "user", out, -1) < 0) {
		kv_unlock(mu);
		return -1;
	}
	kv_unlock(mu);
	return 0;
}

// `if (rc) goto out;` skips the unlock: any nonzero status takes it,
// cancellation included.
int lookup_bad_4(struct kv *kv, struct kv_mu *mu, char **out)
{
	int rc;
	kv_lock(mu);
	rc = kv_get(kv, "user", out, -1);
	if (rc)
		goto out;
	kv_unlock(mu);
out:
	return rc;
}

// The usual goto ladder: the label releases.
int lookup_good_4(struct kv *kv, struct kv_mu *mu, char **out)
{
	int rc;
	kv_lock(mu);
	rc = kv_get(kv, "user", out, -1);
	if (rc)
		goto unlock;
	rc = kv_get(kv, "group", out, -1);
unlock:
	kv_unlock(mu);
	return rc;
}

// Assignment inside the condition.
int lookup_bad_5(struct kv *kv, struct kv_mu *mu, char **out)
{
	int rc;
	kv_lock(mu);
	if ((rc = kv_get(kv, "user", out, -1)) != 0)
		return rc;
	kv_unlock(mu);
	return 0;
}

// The lock is taken after the last suspending call: nothing is held there.
int lookup_good_5(struct kv *kv, struct kv_mu *mu, char **out)
{
	int rc = kv_get(kv, "user", out, -1);
	if (rc < 0)
		return rc;
	kv_lock(mu);
	kv_unlock(mu);
	return 0;
}

// A lock released before the call is not held across it.
int lookup_good_6(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	kv_unlock(mu);
	return kv_get(kv, "user", out, -1);
}
