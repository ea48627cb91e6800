// A finding names the variable that holds the value at the suspend point,
// not one it was moved out of.
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct buf;
struct buf *buf_new(void) CCK_RETURNS_OWNED;
void buf_free(struct buf *b) CCK_TAKES(1);
int ev_wait(int64_t deadline) CCK_SUSPENDS_RETURNS;

int move_bad_1(void)
{
	struct buf *a = buf_new();
	struct buf *b = a;
	a = NULL;
	if (!b)
		return -ENOMEM;
	int rc = ev_wait(-1);
	if (rc < 0)
		return rc;
	buf_free(b);
	return 0;
}

int move_good_1(void)
{
	struct buf *a = buf_new();
	struct buf *b = a;
	a = NULL;
	if (!b)
		return -ENOMEM;
	int rc = ev_wait(-1);
	buf_free(b);
	return rc;
}
