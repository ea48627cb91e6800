// When the config names a function, its roles come from the config alone:
// the function's annotations are ignored, not merged. Functions the config
// does not name keep their annotations.
// Without the config the annotations speak.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
struct res;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;
int ev_poll(int64_t deadline) CCK_SUSPENDS_RETURNS;
int ev_idle(int64_t deadline);
struct res *res_get(struct res *r) CCK_ACQUIRES(1);
void res_put(struct res *r) CCK_TAKES(1);

// The config says ev_wait does not suspend.
int wait_good_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// ev_poll is not in the config: its annotation stands.
int poll_bad_2(struct mu *m)
{
	mu_lock(m);
	int rc = ev_poll(-1);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// The config makes ev_idle suspend.
int idle_bad_3(struct mu *m)
{
	mu_lock(m);
	int rc = ev_idle(-1);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// res_get: a guard on its first argument per the annotation, an owned
// result per the config.
int res_bad_4(struct res *r)
{
	struct res *x = res_get(r);
	if (!x)
		return -EAGAIN;
	int rc = ev_poll(-1);
	if (rc < 0)
		return rc;
	res_put(x);
	return 0;
}
