// Without --config, the nearest .cancelcheck.yaml above the source is used:
// here one two directories up.
// Found from a relative source path too.
// A nearer file wins, and files further up are not merged in: an empty one
// in %t/sub hides the API.
// --config overrides the search.
#include <stdint.h>

struct kv;
struct kv_mu;
struct msg;
int kv_get(struct kv *kv, const char *key, char **out, int64_t deadline);
void kv_lock(struct kv_mu *mu);
void kv_unlock(struct kv_mu *mu);
struct msg *kv_take(struct kv *kv);
void kv_put(struct msg *m, struct kv *kv);

int lookup_bad_1(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	int rc = kv_get(kv, "user", out, -1);
	if (rc < 0)
		return rc;
	kv_unlock(mu);
	return 0;
}

int lookup_good_1(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	int rc = kv_get(kv, "user", out, -1);
	kv_unlock(mu);
	return rc;
}

int take_bad_2(struct kv *kv, char **out)
{
	struct msg *m = kv_take(kv);
	if (!m)
		return -1;
	int rc = kv_get(kv, "next", out, -1);
	if (rc < 0)
		return rc;
	kv_put(m, kv);
	return 0;
}

int take_good_2(struct kv *kv, char **out)
{
	struct msg *m = kv_take(kv);
	if (!m)
		return -1;
	int rc = kv_get(kv, "next", out, -1);
	if (rc < 0) {
		kv_put(m, kv);
		return rc;
	}
	kv_put(m, kv);
	return 0;
}
