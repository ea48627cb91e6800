// `checks:` in the config selects checks like --checks; a --checks option
// on the command line applies after it.
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

int lock_bad_1(struct mu *m)
{
	mu_lock(m);
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	mu_unlock(m);
	return 0;
}

int buf_bad_2(void)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	buf_free(b);
	return 0;
}

int both_good_3(struct mu *m)
{
	struct buf *b = buf_new();
	mu_lock(m);
	int rc = ev_wait(-1);
	mu_unlock(m);
	if (b)
		buf_free(b);
	return rc;
}
