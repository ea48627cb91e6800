// A finding is suppressed by `// cancelcheck: ignore[<check>] <reason>` on
// its line or the line before; other checks' findings on that line stay.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct mu;
struct buf;
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
struct buf *buf_new(void) CCK_RETURNS_OWNED;
void buf_free(struct buf *b) CCK_TAKES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

int same_line_good_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1); // cancelcheck: ignore[cancel-held-guard] the caller's cancel hook unlocks m
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

int line_before_good_2(struct mu *m)
{
	mu_lock(m);
	// cancelcheck: ignore[cancel-held-guard] the caller's cancel hook unlocks m
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// Two lines above is too far.
int too_far_bad_3(struct mu *m)
{
	mu_lock(m);
	// cancelcheck: ignore[cancel-held-guard] too far away

	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// Naming another check suppresses only that one.
int other_check_bad_4(struct mu *m)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	mu_lock(m);
	int rc = ev_wait(-1); // cancelcheck: ignore[cancel-lost-value] b is freed by the arena
	if (rc < 0)
		return rc;
	mu_unlock(m);
	buf_free(b);
	return 0;
}

// Several checks, or all of them with '*'.
int many_good_5(struct mu *m)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	mu_lock(m);
	// cancelcheck: ignore[cancel-held-guard,cancel-lost-value] torn down by the pool
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	buf_free(b);
	return 0;
}

int star_good_6(struct mu *m)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	mu_lock(m);
	int rc = ev_wait(-1); // cancelcheck: ignore[*] torn down by the pool
	if (rc < 0)
		return rc;
	mu_unlock(m);
	buf_free(b);
	return 0;
}
