// liburing: a prepared read holds its buffer and its descriptor until a
// completion is reaped on the ring. A wait that times out (-ETIME) reaps
// nothing; a cancel request followed by a reap ends the lend.
// RUN: not %cancelcheck --checks='-*,cancel-lent-buffer' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: %cancelcheck --dump-ir %s -- | FileCheck --check-prefix=IR %s
#include <errno.h>
#include <liburing.h>
#include <stdlib.h>
#include <unistd.h>

// Gives up when the wait times out: the kernel may still write into buf.
int read_timeout_bad(struct io_uring *ring, int fd)
{
	char buf[128];
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	if (!sqe)
		return -EBUSY;
	io_uring_prep_read(sqe, fd, buf, sizeof buf, 0);
	io_uring_submit(ring);
	struct io_uring_cqe *cqe;
	struct __kernel_timespec ts = { .tv_sec = 1 };
	int rc = io_uring_wait_cqe_timeout(ring, &cqe, &ts);
	if (rc < 0)
		return rc;
// CHECK: uring.c:[[@LINE-1]]:3: warning: 'buf' goes out of scope here while the operation it was lent to may still write into it [cancel-lent-buffer]
// CHECK: uring.c:[[@LINE-8]]:2: note: 'buf' lent here to 'io_uring_prep_read' until its completion is reaped
	rc = cqe->res;
	io_uring_cqe_seen(ring, cqe);
	return rc;
}
// IR-LABEL: function read_timeout_bad
// IR: lend buf (stack) until reap of any source [io_uring_prep_read]
// IR: lend fd until reap of any source [io_uring_prep_read]
// IR: reap any source if rc zero [io_uring_wait_cqe_timeout]

// On timeout it asks the kernel to cancel and waits for the completion.
int read_timeout_good(struct io_uring *ring, int fd)
{
	char buf[128];
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	if (!sqe)
		return -EBUSY;
	io_uring_prep_read(sqe, fd, buf, sizeof buf, 0);
	io_uring_submit(ring);
	struct io_uring_cqe *cqe;
	struct __kernel_timespec ts = { .tv_sec = 1 };
	int rc = io_uring_wait_cqe_timeout(ring, &cqe, &ts);
	if (rc == -ETIME) {
		struct io_uring_sqe *c = io_uring_get_sqe(ring);
		if (c) {
			io_uring_prep_cancel(c, buf, 0);
			io_uring_submit(ring);
		}
		io_uring_wait_cqe(ring, &cqe);
		io_uring_cqe_seen(ring, cqe);
		return -ETIME;
	}
	if (rc < 0)
		return rc;	/* no completion came: the read is still lent */
// CHECK: uring.c:[[@LINE-1]]:3: warning: 'buf' goes out of scope here
	rc = cqe->res;
	io_uring_cqe_seen(ring, cqe);
	return rc;
}

// A heap buffer freed on the error path, and the descriptor closed under
// the operation.
int fetch_bad(struct io_uring *ring, int fd, char **out)
{
	char *buf = malloc(4096);
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	if (!buf || !sqe) {
		free(buf);
		return -ENOMEM;
	}
	io_uring_prep_recv(sqe, fd, buf, 4096, 0);
	if (io_uring_submit(ring) < 0) {
		free(buf);
// CHECK: uring.c:[[@LINE-1]]:3: warning: 'buf' is released by 'free' while the operation it was lent to may still use it [cancel-lent-buffer]
// CHECK: uring.c:[[@LINE-4]]:2: note: 'buf' lent here to 'io_uring_prep_recv' until its completion is reaped
		close(fd);
// CHECK: uring.c:[[@LINE-1]]:3: warning: 'fd' is released by 'close' while the operation it was lent to may still use it [cancel-lent-buffer]
		return -EIO;
	}
	struct io_uring_cqe *cqe;
	if (io_uring_wait_cqe(ring, &cqe) == 0) {
		io_uring_cqe_seen(ring, cqe);
		*out = buf;
		return 0;
	}
	free(buf);
// CHECK: uring.c:[[@LINE-1]]:2: warning: 'buf' is released by 'free'
	return -EIO;
}

// The same, reaping before it frees and closes.
int fetch_good(struct io_uring *ring, int fd, char **out)
{
	char *buf = malloc(4096);
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	if (!buf || !sqe) {
		free(buf);
		return -ENOMEM;
	}
	io_uring_prep_recv(sqe, fd, buf, 4096, 0);
	io_uring_submit(ring);
	struct io_uring_cqe *cqe;
	while (io_uring_wait_cqe(ring, &cqe) != 0)
		;
	int res = cqe->res;
	io_uring_cqe_seen(ring, cqe);
	if (res < 0) {
		free(buf);
		close(fd);
		return res;
	}
	*out = buf;
	return 0;
}

// One buffer given to a read and a linked write (the write runs after the
// read completes): on purpose, and not reported. Which operations are
// linked is not followed, so neither is a buffer given to two at once.
void read_then_write(struct io_uring *ring, int in, int out, char *buf, unsigned n)
{
	struct io_uring_sqe *s1 = io_uring_get_sqe(ring);
	struct io_uring_sqe *s2 = io_uring_get_sqe(ring);
	io_uring_prep_read(s1, in, buf, n, 0);
	s1->flags |= IOSQE_IO_LINK;
	io_uring_prep_write(s2, out, buf, n, 0);
	io_uring_submit_and_wait(ring, 2);
}

// Two buffers, and one descriptor shared by two operations: fine.
void twice_good(struct io_uring *ring, int fd, char *b1, char *b2, unsigned n)
{
	struct io_uring_sqe *s1 = io_uring_get_sqe(ring);
	struct io_uring_sqe *s2 = io_uring_get_sqe(ring);
	io_uring_prep_read(s1, fd, b1, n, 0);
	io_uring_prep_read(s2, fd, b2, n, n);
	io_uring_submit_and_wait(ring, 2);
}

// Reaped with io_uring_for_each_cqe and io_uring_cq_advance.
int drain_good(struct io_uring *ring, int fd)
{
	char buf[64];
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	if (!sqe)
		return -EBUSY;
	io_uring_prep_read(sqe, fd, buf, sizeof buf, 0);
	io_uring_submit(ring);
	struct io_uring_cqe *cqe;
	unsigned head, seen = 0;
	int got = 0;
	io_uring_wait_cqe_nr(ring, &cqe, 1);
	io_uring_for_each_cqe(ring, head, cqe) {
		got = cqe->res;
		seen++;
	}
	io_uring_cq_advance(ring, seen);
	return got;
}

// A helper that prepares and submits: its caller's buffer stays lent
// after it returns (the summary says so), and the caller must reap.
static void start_read(struct io_uring *ring, int fd, char *buf, unsigned n)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	io_uring_prep_read(sqe, fd, buf, n, 0);
	io_uring_submit(ring);
}

int helper_bad(struct io_uring *ring, int fd)
{
	char buf[32];
	start_read(ring, fd, buf, sizeof buf);
	return 0;
// CHECK: uring.c:[[@LINE-1]]:2: warning: 'buf' goes out of scope here while the operation it was lent to may still write into it [cancel-lent-buffer]
// CHECK: uring.c:[[@LINE-3]]:2: note: 'buf' lent here to 'start_read' until its completion is reaped
}

int helper_good(struct io_uring *ring, int fd)
{
	char buf[32];
	struct io_uring_cqe *cqe;
	start_read(ring, fd, buf, sizeof buf);
	io_uring_wait_cqe(ring, &cqe);
	int rc = cqe->res;
	io_uring_cqe_seen(ring, cqe);
	return rc;
}

// The iovec array is copied when the kernel consumes the submission: it
// may go once submitted (the buffers it points to may not, and are not
// followed). Tearing the ring down ends what is in flight.
int readv_submitted(struct io_uring *ring, int fd, char *a, char *b)
{
	struct iovec iov[2] = { { a, 16 }, { b, 16 } };
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	if (!sqe)
		return -EBUSY;
	io_uring_prep_readv(sqe, fd, iov, 2, 0);
	return io_uring_submit(ring);
}

int teardown(int fd)
{
	struct io_uring ring;
	char buf[16];
	if (io_uring_queue_init(4, &ring, 0) < 0)
		return -1;
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
	if (sqe) {
		io_uring_prep_read(sqe, fd, buf, sizeof buf, 0);
		io_uring_submit(&ring);
	}
	io_uring_queue_exit(&ring);
	return 0;
}
