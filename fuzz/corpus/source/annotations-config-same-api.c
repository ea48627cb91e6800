// The same kind of API as the annotation tests, with no annotations: its
// roles come from Inputs/kv-api.yaml, passed with --config.
// Without the config these are plain functions: no findings at all.
#include <errno.h>
#include <stdint.h>

struct kv;
struct kv_mu;
struct msg;
struct permit;
int kv_get(struct kv *kv, const char *key, char **out, int64_t deadline);
void kv_lock(struct kv_mu *mu);
void kv_unlock(struct kv_mu *mu);
int kv_trylock(struct kv_mu *mu);
struct msg *kv_take(struct kv *kv);
void kv_put(struct msg *m, struct kv *kv);
int kv_send(struct kv *kv, struct msg *m, int64_t deadline);
int kv_reserve(struct kv *kv, struct permit **p, int64_t deadline);
void kv_commit(struct permit *p, struct msg *m);
void kv_quiet(void);
void kv_loud(void);
void kv_log(const struct msg *m);

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
	if (rc < 0) {
		kv_unlock(mu);
		return rc;
	}
	kv_unlock(mu);
	return 0;
}

int lookup_bad_2(struct kv *kv, struct kv_mu *mu, char **out)
{
	if (kv_trylock(mu))
		return -EBUSY;
	int rc = kv_get(kv, "user", out, -1);
	if (rc == -ECANCELED)
		return rc;
	kv_unlock(mu);
	return rc;
}

int lookup_good_2(struct kv *kv, struct kv_mu *mu, char **out)
{
	if (kv_trylock(mu))
		return kv_get(kv, "user", out, -1);
	kv_unlock(mu);
	return 0;
}

int forward_bad_3(struct kv *kv, char **out)
{
	struct msg *m = kv_take(kv);
	if (!m)
		return -EAGAIN;
	kv_log(m);
	int rc = kv_get(kv, "next", out, -1);
	if (rc < 0)
		return rc;
	kv_put(m, kv);
	return 0;
}

int forward_good_3(struct kv *kv, char **out)
{
	struct msg *m = kv_take(kv);
	if (!m)
		return -EAGAIN;
	int rc = kv_get(kv, "next", out, -1);
	kv_put(m, kv);
	return rc;
}

int send_bad_4(struct kv *kv)
{
	struct msg *m = kv_take(kv);
	if (!m)
		return -EAGAIN;
	return kv_send(kv, m, 1000);
}

int send_good_4(struct kv *kv)
{
	struct permit *p;
	int rc = kv_reserve(kv, &p, 1000);
	if (rc < 0)
		return rc;
	struct msg *m = kv_take(kv);
	if (!m)
		return -EAGAIN;
	kv_commit(p, m);
	return 0;
}

int quiet_good_5(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	kv_quiet();
	int rc = kv_get(kv, "user", out, -1);
	kv_loud();
	if (rc < 0)
		return rc;
	kv_unlock(mu);
	return 0;
}
