// Functions defined in the same file are summarized: a wrapper around a
// suspending call suspends, a wrapper that locks acquires, one that unlocks
// releases, and one that returns an owned value returns ownership.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
struct obj;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
struct obj *obj_new(void) CCK_RETURNS_OWNED;
void obj_free(struct obj *o) CCK_TAKES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

static int settle(void) { return ev_wait(1000); }
static int settle_twice(void) { int rc = settle(); return rc ? rc : settle(); }
static void hold(struct mu *m) { mu_lock(m); }
static void unhold(struct mu *m) { mu_unlock(m); }
static struct obj *make(void) { struct obj *o = obj_new(); return o; }
static void unmake(struct obj *o) { obj_free(o); }
static int tally(int x) { return x * 2; }

// The wrapper suspends.
int wrap_bad_1(struct mu *m)
{
	mu_lock(m);
	int rc = settle();
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// Through two levels.
int wrap_bad_2(struct mu *m)
{
	mu_lock(m);
	int rc = settle_twice();
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// A function that does not suspend has no cancel edge.
int wrap_good_2(struct mu *m)
{
	mu_lock(m);
	int rc = tally(3);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// The wrappers acquire and release.
int hold_bad_3(struct mu *m)
{
	hold(m);
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	unhold(m);
	return 0;
}

int hold_good_3(struct mu *m)
{
	hold(m);
	int rc = ev_wait(-1);
	unhold(m);
	return rc;
}

// The wrapper returns ownership; another one takes it.
int make_bad_4(void)
{
	struct obj *o = make();
	if (!o)
		return -ENOMEM;
	int rc = settle();
	if (rc < 0)
		return rc;
	unmake(o);
	return 0;
}

int make_good_4(void)
{
	struct obj *o = make();
	if (!o)
		return -ENOMEM;
	int rc = settle();
	unmake(o);
	return rc;
}
