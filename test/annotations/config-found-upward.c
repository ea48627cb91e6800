// Without --config, the nearest .cancelcheck.yaml above the source is used:
// here one two directories up.
// RUN: rm -rf %t && mkdir -p %t/sub/dir
// RUN: cp %s %t/sub/dir/upward.c
// RUN: cp %S/Inputs/kv-api.yaml %t/.cancelcheck.yaml
// RUN: not %cancelcheck %t/sub/dir/upward.c | FileCheck %s --implicit-check-not='warning:'
// Found from a relative source path too.
// RUN: cd %t/sub && not %cancelcheck dir/upward.c | FileCheck %s --implicit-check-not='warning:'
// A nearer file wins, and files further up are not merged in: an empty one
// in %t/sub hides the API.
// RUN: cp %S/Inputs/empty.yaml %t/sub/.cancelcheck.yaml
// RUN: %cancelcheck %t/sub/dir/upward.c | count 0
// --config overrides the search.
// RUN: not %cancelcheck --config=%S/Inputs/kv-api.yaml %t/sub/dir/upward.c | FileCheck %s --implicit-check-not='warning:'
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
// CHECK: upward.c:[[@LINE-1]]:11: warning: 'mu' is still held if 'kv_get' is cancelled here [cancel-held-guard]
// CHECK: upward.c:[[@LINE-3]]:2: note: 'mu' acquired here by 'kv_lock'
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
// CHECK: upward.c:[[@LINE-1]]:11: warning: 'm' is leaked if 'kv_get' is cancelled here [cancel-lost-value]
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
