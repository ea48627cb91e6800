/* The io_uring backend (liburing): completion-based, so the kernel holds
 * the coroutine's buffer until the operation's own completion is reaped.
 *
 * The drop path: a coroutine suspended in an operation is never resumed by
 * its cancellation or deadline. Those only submit an async cancel for the
 * operation; the coroutine resumes when the operation's final completion
 * arrives, and then reports what the kernel did: a result >= 0 (or any
 * error other than the cancel's) is returned as is, data read is never
 * lost; only -ECANCELED/-EINTR become -ECANCELED or -ETIMEDOUT.
 *
 * user_data is a slot index and a generation, never a raw pointer: a late
 * completion or a late cancel cannot reach a reused slot. A cancel that
 * finds the submission queue full is queued and retried, never dropped.
 * Deadlines come from the executor's timer heap (one structure for every
 * kind of wait), not linked timeouts. */
#define _GNU_SOURCE
#include <errno.h>
#include <liburing.h>
#include <stdlib.h>

#include "backend.h"

#define CANCEL_TAG (LIBURING_UDATA_TIMEOUT - 1)

/* An operation in flight, on the suspended coroutine's stack. */
struct uop {
	cco_co *co;
	int fd;
	int why;		/* 0, or what the cancel request is for */
	int32_t res;
	uint64_t ud;
};

struct slot {
	struct uop *op;		/* NULL: free */
	uint32_t gen;
	uint32_t next_free;
};

struct ur {
	struct io_uring ring;
	struct slot *slots;
	uint32_t nslots, free_head;
	size_t inflight;	/* operations and cancel requests not reaped */
	size_t ops;		/* operations (slots in use) */
	uint64_t *pending;	/* cancels waiting for room in the queue */
	size_t npending, pending_cap;
};

#define NO_SLOT UINT32_MAX

static struct ur *ur_of(cco_exec *ex)
{
	return ex->be_state;
}

static const int needed_ops[] = {
	IORING_OP_READ, IORING_OP_WRITE, IORING_OP_RECV, IORING_OP_SEND,
	IORING_OP_ACCEPT, IORING_OP_CONNECT, IORING_OP_ASYNC_CANCEL,
};

static int ur_init(cco_exec *ex, const struct cco_opts *o)
{
	struct ur *ur = calloc(1, sizeof(*ur));
	if (!ur)
		return -ENOMEM;
	unsigned entries = o->ring_entries ? o->ring_entries : 256;
	/* One issuer (the executor's thread); completions' task work runs when
	 * we ask for events rather than interrupting the coroutines, and the
	 * ring tells us when there is some. Older kernels: fewer flags. */
	static const unsigned flag_sets[] = {
		IORING_SETUP_SUBMIT_ALL | IORING_SETUP_SINGLE_ISSUER |
			IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_TASKRUN_FLAG,
		IORING_SETUP_SUBMIT_ALL | IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG,
		0,
	};
	int rc = -EINVAL;
	for (size_t i = 0; i < 3 && rc == -EINVAL; i++) {
		struct io_uring_params p = { .flags = flag_sets[i] };
		rc = io_uring_queue_init_params(entries, &ur->ring, &p);
	}
	if (rc < 0) {
		free(ur);
		return rc;
	}
	/* every operation cco uses must be there (probe, do not assume) */
	struct io_uring_probe *probe = io_uring_get_probe_ring(&ur->ring);
	for (size_t i = 0; probe && i < sizeof(needed_ops) / sizeof(needed_ops[0]); i++) {
		if (!io_uring_opcode_supported(probe, needed_ops[i])) {
			io_uring_free_probe(probe);
			probe = NULL;
			rc = -ENOSYS;
		}
	}
	if (probe)
		io_uring_free_probe(probe);
	else if (!rc)
		rc = -ENOSYS;
	if (rc < 0) {
		io_uring_queue_exit(&ur->ring);
		free(ur);
		return rc;
	}
	ur->free_head = NO_SLOT;
	ex->be_state = ur;
	return 0;
}

static int slot_get(struct ur *ur, struct uop *op)
{
	if (ur->free_head == NO_SLOT) {
		uint32_t n = ur->nslots ? 2 * ur->nslots : 64;
		struct slot *t = realloc(ur->slots, n * sizeof(*t));
		if (!t)
			return -ENOMEM;
		for (uint32_t i = ur->nslots; i < n; i++)
			t[i] = (struct slot){ .op = NULL, .gen = 0,
					      .next_free = i + 1 < n ? i + 1 : NO_SLOT };
		ur->slots = t;
		ur->free_head = ur->nslots;
		ur->nslots = n;
	}
	uint32_t i = ur->free_head;
	struct slot *s = &ur->slots[i];
	ur->free_head = s->next_free;
	s->op = op;
	op->ud = (uint64_t)s->gen << 32 | i;
	ur->ops++;
	return 0;
}

/* The slot is the kernel's (its user_data names it) until the operation's
 * final completion is reaped: putting it back before lets a late
 * completion land on the slot's next operation. */
static void slot_put(struct ur *ur, uint32_t i) CCK_CONSUMES(2);
static void slot_put(struct ur *ur, uint32_t i)
{
	struct slot *s = &ur->slots[i];
	s->op = NULL;
	s->gen++;
	s->next_free = ur->free_head;
	ur->free_head = i;
	ur->ops--;
}

static void reap(cco_exec *ex, struct ur *ur);

/* A submission queue entry, making room if the queue is full: submit what
 * is queued; if the kernel cannot take it (completion queue overflow),
 * reap completions first. NULL only if the ring is broken. */
static struct io_uring_sqe *sqe_get(cco_exec *ex, struct ur *ur)
{
	for (int tries = 0; tries < 64; tries++) {
		struct io_uring_sqe *sqe = io_uring_get_sqe(&ur->ring);
		if (sqe)
			return sqe;
		int r = io_uring_submit(&ur->ring);
		if (r < 0 && r != -EBUSY && r != -EAGAIN && r != -EINTR)
			return NULL;
		reap(ex, ur);
	}
	return NULL;
}

/* false when the submission queue is full: the caller must keep the
 * request and retry, never drop it. */
static bool cancel_submit(cco_exec *ex, struct ur *ur, uint64_t ud) CCK_MUST_USE;
static bool cancel_submit(cco_exec *ex, struct ur *ur, uint64_t ud)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&ur->ring);
	if (!sqe)
		return false;
	io_uring_prep_cancel64(sqe, ud, 0);
	io_uring_sqe_set_data64(sqe, CANCEL_TAG);
	ur->inflight++;
	return true;
}

static void cancel_op(cco_exec *ex, struct ur *ur, struct uop *op, int why)
{
	if (op->why)
		return;		/* one cancel request per operation */
	op->why = why;
	if (ur->npending || !cancel_submit(ex, ur, op->ud)) {
		if (ur->npending == ur->pending_cap) {
			size_t cap = ur->pending_cap ? 2 * ur->pending_cap : 16;
			uint64_t *t = realloc(ur->pending, cap * sizeof(*t));
			if (!t)
				abort();	/* never drop a cancel request */
			ur->pending = t;
			ur->pending_cap = cap;
		}
		ur->pending[ur->npending++] = op->ud;
	}
}

static void flush_pending(cco_exec *ex, struct ur *ur)
{
	size_t i = 0;
	while (i < ur->npending && cancel_submit(ex, ur, ur->pending[i]))
		i++;
	if (i) {
		ur->npending -= i;
		for (size_t k = 0; k < ur->npending; k++)
			ur->pending[k] = ur->pending[k + i];
	}
}

/* The coroutine's cancellation or deadline: ask the kernel to cancel; the
 * completion will wake the coroutine. */
static void ur_interrupt(cco_co *co, int why)
{
	struct uop *op = co->interrupt_data;
	cco_exec *ex = co->ex;
	cancel_op(ex, ur_of(ex), op, why);
}

static void complete(cco_exec *ex, struct ur *ur, struct io_uring_cqe *cqe)
{
	uint64_t ud = cqe->user_data;
	if (ud == CANCEL_TAG) {
		ur->inflight--;
		return;
	}
	if (ud == LIBURING_UDATA_TIMEOUT)
		return;		/* liburing's own wait timeout (old kernels) */
	uint32_t i = (uint32_t)ud, gen = (uint32_t)(ud >> 32);
	if (i >= ur->nslots || ur->slots[i].gen != gen || !ur->slots[i].op)
		return;		/* stale: cannot happen, must not hurt */
	if (cqe->flags & IORING_CQE_F_MORE)
		return;		/* not the final completion */
	struct uop *op = ur->slots[i].op;
	op->res = cqe->res;
	slot_put(ur, i);
	ur->inflight--;
	cco__wake(op->co, cqe->res);
}

static void reap(cco_exec *ex, struct ur *ur)
{
	struct io_uring_cqe *cqe;
	unsigned head, n = 0;
	io_uring_for_each_cqe(&ur->ring, head, cqe) {
		complete(ex, ur, cqe);
		n++;
	}
	io_uring_cq_advance(&ur->ring, n);
}

static void ur_poll(cco_exec *ex, int64_t timeout_ns)
{
	struct ur *ur = ur_of(ex);
	flush_pending(ex, ur);
	if (timeout_ns == 0) {
		/* enter the kernel only with something to submit or task work
		 * to run (completions waiting to be posted) */
		unsigned kflags = IO_URING_READ_ONCE(*ur->ring.sq.kflags);
		if (io_uring_sq_ready(&ur->ring) ||
		    (kflags & (IORING_SQ_TASKRUN | IORING_SQ_CQ_OVERFLOW)))
			io_uring_submit_and_get_events(&ur->ring);
	} else {
		struct io_uring_cqe *cqe;
		/* With a deadline armed, a wait arms a kernel timer: skip it
		 * when what we submit completes at once (data already there). */
		if (timeout_ns > 0 && io_uring_sq_ready(&ur->ring)) {
			io_uring_submit_and_get_events(&ur->ring);
			if (io_uring_cq_ready(&ur->ring)) {
				reap(ex, ur);
				return;
			}
		}
		struct __kernel_timespec ts = {
			.tv_sec = timeout_ns / CCO_SEC,
			.tv_nsec = timeout_ns % CCO_SEC,
		};
		io_uring_submit_and_wait_timeout(&ur->ring, &cqe, 1, timeout_ns > 0 ? &ts : NULL,
						 NULL);
	}
	reap(ex, ur);
}

static void prep(struct io_uring_sqe *sqe, struct cco__op *op)
{
	switch (op->kind) {
	case CCO__READ:
		io_uring_prep_read(sqe, op->fd, op->buf, op->len, (__u64)-1);
		break;
	case CCO__WRITE:
		io_uring_prep_write(sqe, op->fd, op->buf, op->len, (__u64)-1);
		break;
	case CCO__RECV:
		io_uring_prep_recv(sqe, op->fd, op->buf, op->len, op->flags);
		break;
	case CCO__SEND:
		io_uring_prep_send(sqe, op->fd, op->buf, op->len, op->flags);
		break;
	case CCO__ACCEPT:
		io_uring_prep_accept(sqe, op->fd, op->addr, op->addrlen, op->flags);
		break;
	case CCO__CONNECT:
		io_uring_prep_connect(sqe, op->fd, op->addr, op->addrlen_in);
		break;
	}
}

/* Names the operation's slot in its submission: the slot, and the uop on
 * the coroutine's stack it points to, are the kernel's until the final
 * completion is reaped. */
static void set_slot(struct io_uring_sqe *sqe, struct uop *u) CCK_LENDS_UNTIL_REAP(2);
static void set_slot(struct io_uring_sqe *sqe, struct uop *u)
{
	io_uring_sqe_set_data64(sqe, u->ud);
}

/* The operation's buffer is lent to the kernel for the duration of the
 * call: it returns only after the final completion (cco__park with an
 * interrupt hook), cancelled or not. */
static ssize_t ur_io(cco_exec *ex, struct cco__op *op, int64_t deadline) CCK_LENDS(2);
static ssize_t ur_io(cco_exec *ex, struct cco__op *op, int64_t deadline)
{
	struct ur *ur = ur_of(ex);
	struct uop u = { .co = ex->current, .fd = op->fd };
	if (slot_get(ur, &u) < 0)
		return -ENOMEM;
	struct io_uring_sqe *sqe = sqe_get(ex, ur);
	if (!sqe) {
		slot_put(ur, (uint32_t)u.ud);
		return -EBUSY;
	}
	prep(sqe, op);
	set_slot(sqe, &u);
	ur->inflight++;
	/* Only the completion ends this park (see ur_interrupt). */
	int64_t res = cco__park(deadline, ur_interrupt, &u);
	if (u.why && (res == -ECANCELED || res == -EINTR))
		return u.why;
	return res;
}

static bool fd_busy(struct ur *ur, int fd)
{
	for (uint32_t i = 0; i < ur->nslots && ur->ops; i++)
		if (ur->slots[i].op && ur->slots[i].op->fd == fd)
			return true;
	return false;
}

/* close() does not stop operations on the fd: cancel them, and wait until
 * the kernel is done with every one before the number can be reused. */
static void ur_forget_fd(cco_exec *ex, int fd)
{
	struct ur *ur = ur_of(ex);
	for (uint32_t i = 0; i < ur->nslots && ur->ops; i++) {
		struct uop *op = ur->slots[i].op;
		if (op && op->fd == fd)
			cancel_op(ex, ur, op, -EBADF);
	}
	while (fd_busy(ur, fd))
		cco__yield_raw();
}

static bool ur_idle(cco_exec *ex)
{
	struct ur *ur = ur_of(ex);
	return !ur->inflight && !ur->npending;
}

static void ur_fini(cco_exec *ex)
{
	struct ur *ur = ur_of(ex);
	/* nothing may be left in flight: reap every last cancel request */
	while (ur->inflight) {
		flush_pending(ex, ur);
		struct io_uring_cqe *cqe;
		if (io_uring_submit_and_wait(&ur->ring, 1) < 0 && io_uring_peek_cqe(&ur->ring, &cqe))
			break;
		reap(ex, ur);
	}
	io_uring_queue_exit(&ur->ring);
	free(ur->slots);
	free(ur->pending);
	free(ur);
	ex->be_state = NULL;
}

const struct cco__backend cco__uring = {
	.name = "io_uring",
	.init = ur_init,
	.fini = ur_fini,
	.poll = ur_poll,
	.io = ur_io,
	.forget_fd = ur_forget_fd,
	.idle = ur_idle,
};
