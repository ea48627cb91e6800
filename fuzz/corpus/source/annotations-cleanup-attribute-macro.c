// A cleanup attribute written by a macro (the way cco's CCO_UNLOCK_ON_EXIT
// is): the handler is read where the macro body spells it. Only the
// attribute's own tokens count: a neighbouring macro's cleanup is not it.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

static void mu_unlockp(struct mu **m)
{
	if (*m)
		mu_unlock(*m);
}
static void nothing(struct mu **m) { }
#define UNLOCK_ON_EXIT __attribute__((cleanup(mu_unlockp)))
#define ALIGNED __attribute__((aligned(16)))
#define FORGET __attribute__((cleanup(nothing)))

int macro_good(struct mu *m)
{
	mu_lock(m);
	struct mu *held UNLOCK_ON_EXIT = m;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	return 0;
}

// Another attribute from a macro defined just before a cleanup macro.
int macro_bad_other_attribute(struct mu *m)
{
	mu_lock(m);
	struct mu *held ALIGNED = m;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(held);
	return 0;
}

// A cleanup that releases nothing.
int macro_bad_wrong_handler(struct mu *m)
{
	mu_lock(m);
	struct mu *held FORGET = m;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(held);
	return 0;
}
