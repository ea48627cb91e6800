// Under the 'returns' model the cancel branch is an ordinary return, so a
// variable with __attribute__((cleanup(fn))) is released there too.
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct buf;
struct buf *buf_new(void) CCK_RETURNS_OWNED;
void buf_free(struct buf *b) CCK_TAKES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

static void buf_freep(struct buf **b)
{
	if (*b)
		buf_free(*b);
}
#define AUTO_BUF __attribute__((cleanup(buf_freep))) struct buf *

int fill_good_1(void)
{
	__attribute__((cleanup(buf_freep))) struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	return 0;
}

int fill_good_2(void)
{
	AUTO_BUF b = buf_new();
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	return b ? 0 : -ENOMEM;
}

// The cleanup covers one buffer, not the other.
int fill_bad_3(void)
{
	AUTO_BUF a = buf_new();
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	buf_free(b);
	return 0;
}
