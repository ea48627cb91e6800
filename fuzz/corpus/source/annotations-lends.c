// CCK_LENDS(n): the buffer is lent to the operation, not given away. The
// caller still owns it, so on the cancel branch it must still free it (the
// cancel-lent-buffer check, not in this version, checks *when*).
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct buf;
struct op;
struct buf *buf_new(void) CCK_RETURNS_OWNED;
void buf_free(struct buf *b) CCK_TAKES(1);
int io_read(int fd, struct buf *b, int64_t deadline) CCK_SUSPENDS_RETURNS CCK_LENDS(2);
struct op *op_start(int fd) CCK_MUST_USE;

int read_bad_1(int fd)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	int rc = io_read(fd, b, -1);
	if (rc < 0)
		return rc;
	buf_free(b);
	return 0;
}

int read_good_1(int fd)
{
	struct buf *b = buf_new();
	if (!b)
		return -ENOMEM;
	int rc = io_read(fd, b, -1);
	buf_free(b);
	return rc;
}

// CCK_MUST_USE alone gives no cancel role: nothing here for these checks.
int start_good_2(int fd)
{
	struct op *op = op_start(fd);
	return op ? 0 : -ENOMEM;
}
