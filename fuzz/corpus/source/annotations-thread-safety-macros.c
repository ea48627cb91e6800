// Thread-safety attributes are usually written through macros (as in
// clang's own mutex.h example); the guard is still the capability the
// invocation names.
#include <cancelcheck/annotations.h>

#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define LOCKS(m) __attribute__((acquire_capability(m)))

struct q { int mu; int other; };
void q_lock(struct q *q) ACQUIRE(q->mu);
void q_unlock(struct q *q) RELEASE(q->mu);
void q_lock_other(struct q *q) LOCKS(q->other);
void q_unlock_other(struct q *q) RELEASE(q->other);
int wait_ev(long deadline) CCK_SUSPENDS_RETURNS;

int macro_bad_1(struct q *q)
{
	q_lock(q);
	int rc = wait_ev(-1);
	if (rc < 0)
		return rc;
	q_unlock(q);
	return 0;
}

int macro_good_1(struct q *q)
{
	q_lock(q);
	int rc = wait_ev(-1);
	q_unlock(q);
	return rc;
}

// One named parameter instead of __VA_ARGS__; a different member: a
// different guard, so unlocking mu does not release it.
int named_param_bad_2(struct q *q)
{
	q_lock_other(q);
	q_lock(q);
	q_unlock(q);
	int rc = wait_ev(-1);
	if (rc < 0)
		return rc;
	q_unlock_other(q);
	return 0;
}
