// (POSIX deferred cancellation). The caller's error branch never runs; only
// registered cleanup handlers (pthread_cleanup_push) do.
#include <pthread.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
struct obj;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
struct obj *obj_new(void) CCK_RETURNS_OWNED;
void obj_free(struct obj *o) CCK_TAKES(1);
int job_wait(int64_t deadline) CCK_SUSPENDS_UNWINDS;
void block_cancel(void) CCK_SHIELD_BEGIN;
void allow_cancel(void) CCK_SHIELD_END;

static void unlock_cb(void *m) { mu_unlock(m); }
static void free_cb(void *o) { obj_free(o); }

// The error branch cannot help: it never runs on cancellation.
int wait_bad_1(struct mu *m)
{
	mu_lock(m);
	int rc = job_wait(-1);
	if (rc < 0) {
		mu_unlock(m);
		return rc;
	}
	mu_unlock(m);
	return 0;
}

int wait_good_1(struct mu *m)
{
	int rc;
	mu_lock(m);
	pthread_cleanup_push(unlock_cb, m);
	rc = job_wait(-1);
	pthread_cleanup_pop(1);
	return rc;
}

int wait_bad_2(void)
{
	struct obj *o = obj_new();
	if (!o)
		return -1;
	int rc = job_wait(-1);
	obj_free(o);
	return rc;
}

int wait_good_2(void)
{
	int rc;
	struct obj *o = obj_new();
	if (!o)
		return -1;
	pthread_cleanup_push(free_cb, o);
	rc = job_wait(-1);
	pthread_cleanup_pop(1);
	return rc;
}

// Disabling cancellation around the call works too.
int wait_good_3(struct mu *m)
{
	mu_lock(m);
	block_cancel();
	int rc = job_wait(-1);
	allow_cancel();
	mu_unlock(m);
	return rc;
}
