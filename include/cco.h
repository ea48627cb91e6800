/* cco: stackful coroutines with structured concurrency and cooperative
 * cancellation, on io_uring or epoll.
 *
 * The rules, once:
 *  - Every call that can suspend takes an absolute deadline last
 *    (cco_now() nanoseconds, CLOCK_MONOTONIC; -1 = none). It returns
 *    -ECANCELED once its coroutine is cancelled and -ETIMEDOUT when the
 *    deadline passes. After a cancellation every suspending call returns
 *    -ECANCELED at once, except inside a shield.
 *  - Suspending calls run in a coroutine; outside one they return -EPERM.
 *  - A suspending call that returns a cancellation status did not do its
 *    work: nothing was taken, sent, locked or consumed. A call that did its
 *    work returns its result even if the coroutine was cancelled meanwhile
 *    (data read is never lost).
 *  - Buffers passed to I/O calls are lent to the kernel only for the length
 *    of the call: every call waits for its operation's own completion, also
 *    when cancelled, before it returns.
 *  - Coroutines live in scopes. Closing a scope waits for all of its
 *    coroutines; cancelling a scope cancels all of them, and the scopes
 *    they opened.
 *
 * Ownership on each outcome is stated per call ("owns:"). */
#ifndef CCO_H
#define CCO_H

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <cancelcheck/annotations.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CCO_MUST_CHECK __attribute__((warn_unused_result))
/* A suspending call: cancellation returns -ECANCELED/-ETIMEDOUT. */
#define CCO_SUSPENDS CCK_SUSPENDS_RETURNS CCO_MUST_CHECK

#define CCO_NSEC ((int64_t)1)
#define CCO_USEC ((int64_t)1000)
#define CCO_MSEC ((int64_t)1000000)
#define CCO_SEC ((int64_t)1000000000)

typedef struct cco_exec cco_exec;
typedef struct cco_scope cco_scope;
typedef struct cco_co cco_co;
typedef struct cco_chan cco_chan;
typedef struct cco_mutex cco_mutex;
typedef struct cco_sem cco_sem;
typedef struct cco_event cco_event;

/* A coroutine's body. Its result: >= 0 a value, -ECANCELED cancelled,
 * another negative errno failed. It owns arg from its first instruction. */
typedef int64_t (*cco_fn)(void *arg);

/* ---- executor ---------------------------------------------------------- */

enum cco_backend {
	CCO_BACKEND_AUTO = 0,	/* io_uring where it works, else epoll */
	CCO_BACKEND_EPOLL,
	CCO_BACKEND_URING,	/* fail (-errno) if io_uring is refused */
};

struct cco_opts {
	enum cco_backend backend;	/* AUTO: the environment variable
					 * CCO_BACKEND=epoll|io_uring|auto decides
					 * ("uring" is io_uring too) */
	size_t stack_size;		/* per coroutine, 0 = 256 KiB */
	unsigned ring_entries;		/* io_uring submission queue, 0 = 256 */
};

/* One executor per thread: create, run and free it on the same thread (the
 * io_uring backend's ring accepts submissions from its creator only).
 * Returns 0 or -errno (-EINVAL for an unknown CCO_BACKEND value). */
int cco_exec_init(cco_exec **ex, const struct cco_opts *opts) CCO_MUST_CHECK;
/* Runs fn(arg) as the first coroutine of the executor's root scope, and
 * every coroutine it spawns, until all have finished. *result gets fn's
 * result. Returns 0, or -errno if the coroutine could not start. */
int cco_exec_run(cco_exec *ex, cco_fn fn, void *arg, int64_t *result)
	CCK_COROUTINE_BODY(2) CCK_MUST_USE;
/* Frees the executor; nothing is in flight once cco_exec_run returned. */
void cco_exec_free(cco_exec *ex);
/* "io_uring" or "epoll". */
const char *cco_exec_backend(const cco_exec *ex);

/* CLOCK_MONOTONIC in nanoseconds: the clock of every deadline. */
int64_t cco_now(void);

/* ---- coroutines and scopes --------------------------------------------- */

/* Opens a scope owned by the calling coroutine. NULL when out of memory,
 * or (errno EPERM) when called outside a coroutine.
 * owns: the caller, until cco_scope_close. */
cco_scope *cco_scope_open(void) CCK_RETURNS_OWNED CCO_MUST_CHECK;
/* Starts fn(arg) in scope s. *co (if co is not NULL) gets a handle to
 * cco_join before the scope closes; with co NULL the coroutine is detached.
 * A coroutine spawned into a cancelled scope starts cancelled.
 * Returns 0 (fn owns arg) or -ENOMEM (the caller keeps arg). Does not
 * suspend. */
int cco_spawn(cco_scope *s, cco_fn fn, void *arg, cco_co **co)
	CCK_CONSUMES(3) CCK_COROUTINE_BODY(2) CCK_MUST_USE;
/* Cancels every coroutine in s, and the scopes they opened. */
void cco_scope_cancel(cco_scope *s);
/* Waits until every coroutine in s has finished, then frees s (handles not
 * yet joined become invalid). If the wait is cancelled or the deadline
 * passes, s is cancelled and the wait continues, shielded, to the end: the
 * result is then -ECANCELED or -ETIMEDOUT, but s is closed all the same.
 * A coroutine that finishes with scopes open has them closed this way. */
int cco_scope_close(cco_scope *s, int64_t deadline) CCK_TAKES(1) CCK_SUSPENDS_RETURNS;

enum cco_end { CCO_RETURNED, CCO_CANCELLED, CCO_FAILED };
struct cco_exit {
	enum cco_end how;	/* RETURNED: value >= 0; CANCELLED: -ECANCELED;
				 * FAILED: another negative errno */
	int64_t value;
};
/* Waits for co to finish and releases its handle. -ECANCELED/-ETIMEDOUT:
 * co still runs and the handle is still valid. */
int cco_join(cco_co *co, struct cco_exit *exit, int64_t deadline) CCO_SUSPENDS CCK_MUST_USE;
/* Requests cancellation of co (no effect once it finished). */
void cco_cancel(cco_co *co);
/* The running coroutine (NULL outside one). */
cco_co *cco_self(void);
/* Whether the running coroutine has been cancelled. */
int cco_cancelled(void);
/* Lets every other ready coroutine run. 0 or -ECANCELED. */
int cco_yield(void) CCO_SUSPENDS;
/* Sleeps until the absolute time until: 0 then, or -ECANCELED. */
int cco_sleep(int64_t until) CCO_SUSPENDS;

/* A shield defers cancellation of the running coroutine: suspending calls
 * between begin and end do not return -ECANCELED (deadlines still apply).
 * Shields nest. */
void cco_shield_begin(void) CCK_SHIELD_BEGIN;
void cco_shield_end(void) CCK_SHIELD_END;

/* ---- channels ------------------------------------------------------------ */

/* A bounded channel of fixed-size elements, copied in and out (capacity 0
 * is a rendezvous: a send completes when a receiver takes the element).
 * When an element is a pointer to a value, the channel owns that value
 * from a successful send until a receive returns it; dtor (may be NULL)
 * is called on each element still inside when the channel is freed.
 * NULL when out of memory or elem_size is 0. */
cco_chan *cco_chan_open(size_t elem_size, size_t capacity, void (*dtor)(void *elem))
	CCK_RETURNS_OWNED CCO_MUST_CHECK;
/* Frees the channel. No coroutine may be waiting on it (a waiter cancelled
 * or timed out that has not run yet still counts) and no permit may be
 * outstanding. */
void cco_chan_free(cco_chan *c) CCK_TAKES(1);
/* No more sends: waiting and later senders and reservers get -EPIPE.
 * Receivers get what is buffered and what outstanding permits still send:
 * a receive waits while a permit is outstanding, and gets -EPIPE once the
 * channel is closed, empty and no permit is left. */
void cco_chan_close(cco_chan *c);

/* Copies *elem into the channel. owns: 0: the channel; any error
 * (-ECANCELED, -ETIMEDOUT, -EPIPE): still the caller. */
int cco_chan_send(cco_chan *c, const void *elem, int64_t deadline)
	CCK_TAKES_POINTEE_IF(2, zero) CCO_SUSPENDS;
/* Takes one element into *elem. owns: 0: the caller; on any error
 * (-ECANCELED, -ETIMEDOUT, -EPIPE closed and empty) nothing was taken. */
int cco_chan_recv(cco_chan *c, void *elem, int64_t deadline) CCO_SUSPENDS CCK_MUST_USE;
/* Non-suspending forms: -EAGAIN instead of waiting (try_recv also while a
 * permit of a closed channel is outstanding). They are not cancellation
 * points: they work in a cancelled coroutine. */
int cco_chan_try_send(cco_chan *c, const void *elem)
	CCK_TAKES_POINTEE_IF(2, zero) CCO_MUST_CHECK;
int cco_chan_try_recv(cco_chan *c, void *elem) CCO_MUST_CHECK;

/* The cancel-safe send: reserve a slot (this may suspend and be cancelled
 * while the caller owns nothing yet), then obtain the value and send it
 * with cco_permit_send, which neither suspends nor fails. A permit is a
 * guard: send through it or release it. -EINVAL on a capacity-0 channel
 * (a permit promises a send that neither waits nor fails, which needs a
 * slot: use capacity 1); -EPIPE once closed; p->chan is NULL on every
 * error. */
typedef struct cco_permit {
	cco_chan *chan;
} cco_permit;
int cco_chan_reserve(cco_chan *c, cco_permit *p, int64_t deadline)
	CCK_TRY_ACQUIRES(2, zero) CCO_SUSPENDS;
/* owns: the channel, always. */
void cco_permit_send(cco_permit *p, const void *elem)
	CCK_RELEASES(1) CCK_TAKES_POINTEE_IF(2, always);
void cco_permit_release(cco_permit *p) CCK_RELEASES(1);

/* Select: waits until one of n operations can complete and completes
 * exactly that one. Returns its index (its .res is 0, or -EPIPE for a
 * closed channel), or -ECANCELED/-ETIMEDOUT with no operation done, or
 * -ENOMEM (n > 8 and no memory for the waiters; nothing done). The .res of
 * the others is left untouched. An operation whose .chan is NULL never
 * completes (switched off); with n == 0 only cancellation or the deadline
 * ends the wait. */
enum cco_sel_op { CCO_SEL_SEND, CCO_SEL_RECV };
struct cco_sel {
	cco_chan *chan;
	enum cco_sel_op op;
	void *elem;	/* SEND: the element to copy in; RECV: where to copy out */
	int res;
};
int cco_select(struct cco_sel *ops, size_t n, int64_t deadline) CCO_SUSPENDS CCK_MUST_USE;

/* ---- synchronisation ----------------------------------------------------- */

/* An async mutex: waiters suspend, not the thread. FIFO; a cancelled waiter
 * leaves the queue without the lock. */
cco_mutex *cco_mutex_new(void) CCK_RETURNS_OWNED CCO_MUST_CHECK;
/* The frees below: nothing may be waiting (see cco_chan_free). trylock is
 * not a cancellation point; it returns -EBUSY when the lock is taken. */
void cco_mutex_free(cco_mutex *m) CCK_TAKES(1);
int cco_mutex_lock(cco_mutex *m, int64_t deadline) CCK_TRY_ACQUIRES(1, zero) CCO_SUSPENDS;
int cco_mutex_trylock(cco_mutex *m) CCK_TRY_ACQUIRES(1, zero) CCO_MUST_CHECK;
void cco_mutex_unlock(cco_mutex *m) CCK_RELEASES(1);

/* A counting semaphore. */
cco_sem *cco_sem_new(unsigned count) CCK_RETURNS_OWNED CCO_MUST_CHECK;
void cco_sem_free(cco_sem *s) CCK_TAKES(1);
int cco_sem_acquire(cco_sem *s, int64_t deadline) CCK_TRY_ACQUIRES(1, zero) CCO_SUSPENDS;
void cco_sem_release(cco_sem *s) CCK_RELEASES(1);

/* An event: wait returns once it is set; set wakes every waiter and stays
 * set until reset. */
cco_event *cco_event_new(void) CCK_RETURNS_OWNED CCO_MUST_CHECK;
void cco_event_free(cco_event *e) CCK_TAKES(1);
int cco_event_wait(cco_event *e, int64_t deadline) CCO_SUSPENDS;
void cco_event_set(cco_event *e);
void cco_event_reset(cco_event *e);

/* ---- I/O ---------------------------------------------------------------- */

/* The fd's buffer is lent to the kernel until the call returns. Results
 * are those of the system calls (bytes, 0 at end of file) or -errno.
 * A cancelled or timed-out call whose operation completed anyway returns
 * that operation's result. On epoll the fd is made non-blocking. */
ssize_t cco_read(int fd, void *buf, size_t len, int64_t deadline)
	CCK_LENDS(2) CCO_SUSPENDS CCK_MUST_USE;
ssize_t cco_write(int fd, const void *buf, size_t len, int64_t deadline)
	CCK_LENDS(2) CCK_WRITES(1) CCO_SUSPENDS CCK_MUST_USE;
ssize_t cco_recv(int fd, void *buf, size_t len, int flags, int64_t deadline)
	CCK_LENDS(2) CCO_SUSPENDS CCK_MUST_USE;
ssize_t cco_send(int fd, const void *buf, size_t len, int flags, int64_t deadline)
	CCK_LENDS(2) CCK_WRITES(1) CCO_SUSPENDS CCK_MUST_USE;
/* Writes all of buf. *progress gets the bytes written, also on error,
 * cancellation and timeout: the caller knows exactly what is still unsent.
 * Returns 0 or a negative status. */
int cco_write_all(int fd, const void *buf, size_t len, size_t *progress, int64_t deadline)
	CCK_LENDS(2) CCK_WRITES_PROGRESS(1, 4) CCO_SUSPENDS CCK_MUST_USE;
/* Returns a new connected fd (close-on-exec) or -errno.
 * owns: >= 0: the caller. */
int cco_accept(int fd, struct sockaddr *addr, socklen_t *addrlen, int64_t deadline)
	CCK_RETURNS_OWNED_IF(nonneg) CCO_SUSPENDS CCK_MUST_USE;
/* 0 once connected, or -errno. On cancellation the socket is left
 * unconnected-or-connecting: close it. */
int cco_connect(int fd, const struct sockaddr *addr, socklen_t addrlen, int64_t deadline)
	CCO_SUSPENDS CCK_MUST_USE;
/* Cancels the operations in flight on fd (they return -EBADF unless they
 * completed), waits for their completions, then closes fd. Use it for every
 * fd cco has seen: a plain close() does not stop the kernel's operations. */
int cco_close(int fd) CCK_CONSUMES(1);

/* ---- guard macros --------------------------------------------------------- */

/* Release on every return path, cancel branches included, with a variable
 * released by the cleanup attribute, declared once the guard is held:
 *	int rc = cco_mutex_lock(mu, deadline);
 *	if (rc < 0)
 *		return rc;
 *	cco_mutex *held CCO_UNLOCK_ON_EXIT = mu;
 *	... every return from here unlocks ...
 * Setting the variable to NULL hands the release back to the caller's code.
 * cancelcheck follows these variables (its cleanup-attribute support). */
static inline void cco__unlock_ptr(cco_mutex **m)
{
	if (*m)
		cco_mutex_unlock(*m);
}
static inline void cco__sem_release_ptr(cco_sem **s)
{
	if (*s)
		cco_sem_release(*s);
}
static inline void cco__close_ptr(int *fd)
{
	if (*fd >= 0)
		(void)cco_close(*fd);
}
static inline void cco__permit_ptr(cco_permit *p)
{
	if (p->chan)
		cco_permit_release(p);
}
#define CCO_UNLOCK_ON_EXIT __attribute__((cleanup(cco__unlock_ptr)))
#define CCO_SEM_RELEASE_ON_EXIT __attribute__((cleanup(cco__sem_release_ptr)))
#define CCO_CLOSE_ON_EXIT __attribute__((cleanup(cco__close_ptr)))
/* on a cco_permit: released unless sent (cco_permit_send clears it) */
#define CCO_PERMIT_ON_EXIT __attribute__((cleanup(cco__permit_ptr)))

#ifdef __cplusplus
}
#endif
#endif
