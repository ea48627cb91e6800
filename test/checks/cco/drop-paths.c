// A copy of cco's io_uring drop path (runtime/backend_uring.c), cut down,
// with one deliberate bug per class behind a macro. Built as is, it is
// the fixed twin of every one of them: no finding from any check.
// RUN: %cancelcheck %s -- -I%annotations | count 0
//
// Resuming the coroutine (returning from the call) before the operation's
// final completion: the buffer and the frame's uop are still the kernel's.
// RUN: not %cancelcheck %s -- -I%annotations -DRESUME_EARLY \
// RUN:   | FileCheck --check-prefix=EARLY %s --implicit-check-not='warning:'
// EARLY: drop-paths.c:[[#EARLY_RET:]]:3: warning: 'u' goes out of scope here while the operation it was lent to may still write into it [cancel-lent-buffer]
// EARLY: drop-paths.c:[[#EARLY_RET]]:3: warning: 'ur_read' returns while 'op->buf' is still lent to an operation: its callers expect it back when the call returns [cancel-lent-buffer]
//
// Putting the slot back on the cancel branch before the reap: a late
// completion would land on the slot's next operation.
// RUN: not %cancelcheck %s -- -I%annotations -DPUT_SLOT_ON_CANCEL \
// RUN:   | FileCheck --check-prefix=SLOT %s --implicit-check-not='warning:'
// SLOT: drop-paths.c:{{[0-9]+}}:3: warning: 'u.ud' is released by 'slot_put' while the operation it was lent to may still use it [cancel-lent-buffer]
// SLOT: note: 'u' lent here to 'set_slot' until its completion is reaped
//
// Dropping a cancel request when the submission queue is full: the
// operation, and the coroutine parked on it, may never end.
// RUN: not %cancelcheck %s -- -I%annotations -DDROP_CANCEL \
// RUN:   | FileCheck --check-prefix=DROP %s --implicit-check-not='warning:'
// DROP: drop-paths.c:{{[0-9]+}}:2: warning: the result of 'cancel_submit' is discarded: it says whether the operation happened
//
// Closing a descriptor with an operation still in flight on it.
// RUN: not %cancelcheck %s -- -I%annotations -DCLOSE_IN_FLIGHT \
// RUN:   | FileCheck --check-prefix=CLOSE %s --implicit-check-not='warning:'
// CLOSE: drop-paths.c:[[#CLOSE_AT:]]:3: warning: 'fd' is released by 'close' while the operation it was lent to may still use it [cancel-lent-buffer]
// CLOSE: drop-paths.c:[[#CLOSE_AT+1]]:3: warning: 'u' goes out of scope here while the operation it was lent to may still write into it [cancel-lent-buffer]
#include <cancelcheck/annotations.h>
#include <errno.h>
#include <liburing.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

struct uop {
	int fd;
	int why;
	int32_t res;
	uint64_t ud;
};

struct ur {
	struct io_uring ring;
	uint64_t *pending;
	size_t npending, cap;
};

struct op {
	int fd;
	void *buf;
	unsigned len;
};

/* Parks until the operation's final completion: cancellation only asks
 * the kernel to cancel (cco__park with an interrupt hook). */
int64_t park_until_complete(int64_t deadline, struct uop *u) CCK_SUSPENDS_RETURNS CCK_REAPS;
/* Parks until the completion wakes it (>= 0), or returns at once when
 * cancelled or past the deadline (cco__park without a hook: right for
 * waits that lend nothing). */
int64_t park(int64_t deadline) CCK_SUSPENDS_RETURNS CCK_REAPS_IF(nonneg);
int slot_get(struct ur *ur, struct uop *u);
void slot_put(struct ur *ur, uint32_t i) CCK_CONSUMES(2);

static void set_slot(struct io_uring_sqe *sqe, struct uop *u) CCK_LENDS_UNTIL_REAP(2);
static void set_slot(struct io_uring_sqe *sqe, struct uop *u)
{
	io_uring_sqe_set_data64(sqe, u->ud);
}

static bool cancel_submit(struct ur *ur, uint64_t ud) CCK_MUST_USE;
static bool cancel_submit(struct ur *ur, uint64_t ud)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ur->ring);
	if (!sqe)
		return false;
	io_uring_prep_cancel64(sqe, ud, 0);
	return true;
}

void cancel_op(struct ur *ur, struct uop *op, int why)
{
	if (op->why)
		return;
	op->why = why;
#ifdef DROP_CANCEL
	cancel_submit(ur, op->ud);
#else
	if (ur->npending || !cancel_submit(ur, op->ud)) {	/* queued, retried later */
		if (ur->npending == ur->cap) {
			size_t cap = ur->cap ? 2 * ur->cap : 16;
			uint64_t *t = realloc(ur->pending, cap * sizeof(*t));
			if (!t)
				abort();
			ur->pending = t;
			ur->cap = cap;
		}
		ur->pending[ur->npending++] = op->ud;
	}
#endif
}

ssize_t ur_read(struct ur *ur, struct op *op, int64_t deadline) CCK_LENDS(2);
ssize_t ur_read(struct ur *ur, struct op *op, int64_t deadline)
{
	struct uop u = { .fd = op->fd };
	if (slot_get(ur, &u) < 0)
		return -ENOMEM;
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ur->ring);
	if (!sqe) {
		slot_put(ur, (uint32_t)u.ud);	/* not submitted: still ours */
		return -EBUSY;
	}
	io_uring_prep_read(sqe, op->fd, op->buf, op->len, (__u64)-1);
	set_slot(sqe, &u);
#if defined(RESUME_EARLY)
	int64_t res = park(deadline);
	if (res < 0)
		return res;
	return u.res;
#elif defined(PUT_SLOT_ON_CANCEL)
	int64_t res = park(deadline);
	if (res < 0) {
		slot_put(ur, (uint32_t)u.ud);
		cancel_op(ur, &u, (int)res);
		park_until_complete(-1, &u);
		return res;
	}
	return u.res;
#else
	int64_t res = park_until_complete(deadline, &u);
	if (u.why && (res == -ECANCELED || res == -EINTR))
		return u.why;
	return res;
#endif
}

/* A read with a deadline that gives the descriptor up when it passes. */
int read_or_close(struct ur *ur, int fd, char *buf, unsigned n, int64_t deadline)
{
	struct uop u = { .fd = fd };
	if (slot_get(ur, &u) < 0)
		return -ENOMEM;
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ur->ring);
	if (!sqe)
		return -EBUSY;
	io_uring_prep_read(sqe, fd, buf, n, 0);
	set_slot(sqe, &u);
	int64_t res = park(deadline);
	if (res == -ETIMEDOUT) {
#ifdef CLOSE_IN_FLIGHT
		close(fd);
		return -ETIMEDOUT;
#else
		cancel_op(ur, &u, -ETIMEDOUT);
		park_until_complete(-1, &u);
		close(fd);
		return -ETIMEDOUT;
#endif
	}
	return (int)park_until_complete(-1, &u);
}
