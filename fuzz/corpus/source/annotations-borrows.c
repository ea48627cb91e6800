// value to it does not give the value away. An unannotated function might
// keep the pointer, so passing it there stops tracking (no finding).
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct buf;
struct buf *buf_new(void) CCK_RETURNS_OWNED;
void buf_free(struct buf *b) CCK_TAKES(1);
void buf_log(const struct buf *b) CCK_BORROWS;
void buf_keep(struct buf *b);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

int log_bad_1(void)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	buf_log(b);
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	buf_free(b);
	return 0;
}

int log_good_1(void)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	buf_log(b);
	int rc = ev_wait(-1);
	buf_free(b);
	return rc;
}

// An unknown function may have kept it: no finding.
int keep_good_2(void)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	buf_keep(b);
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	return 0;
}
