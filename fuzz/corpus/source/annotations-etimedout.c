// An expired deadline (-ETIMEDOUT) is a cancellation too: code that handles
// only -ECANCELED and leaks on the other negative path is still flagged.
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

// -ECANCELED unlocks; -ETIMEDOUT falls into `rc < 0` with the lock held.
int wait_bad_1(struct mu *m, int64_t deadline)
{
	mu_lock(m);
	int rc = ev_wait(deadline);
	if (rc == -ECANCELED) {
		mu_unlock(m);
		return rc;
	}
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

// Handles both, and every other status unlocks too.
int wait_good_1(struct mu *m, int64_t deadline)
{
	mu_lock(m);
	int rc = ev_wait(deadline);
	if (rc == -ECANCELED || rc == -ETIMEDOUT) {
		mu_unlock(m);
		return rc;
	}
	mu_unlock(m);
	return rc;
}

// Only the timeout leaks.
int wait_bad_2(struct mu *m, int64_t deadline)
{
	mu_lock(m);
	int rc = ev_wait(deadline);
	if (rc == -ETIMEDOUT)
		return rc;
	mu_unlock(m);
	return rc;
}

// The same for an owned value: freed on -ECANCELED, leaked on -ETIMEDOUT.
int fill_bad_3(int64_t deadline)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	int rc = ev_wait(deadline);
	if (rc == -ECANCELED) {
		buf_free(b);
		return rc;
	}
	if (rc < 0)
		return rc;
	buf_free(b);
	return 0;
}

int fill_good_3(int64_t deadline)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	int rc = ev_wait(deadline);
	buf_free(b);
	return rc < 0 ? rc : 0;
}
