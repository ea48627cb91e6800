/* cco's internals: shared by core, scheduler, primitives and backends.
 * Nothing here is public; names are cco__*. Single-threaded per executor:
 * no locks, no atomics. */
#ifndef CCO_INTERNAL_H
#define CCO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cco.h"

/* ---- intrusive doubly linked lists (kernel style) ------------------------ */

struct cco__list {
	struct cco__list *next, *prev;
};

static inline void cco__list_init(struct cco__list *l)
{
	l->next = l->prev = l;
}
static inline bool cco__list_empty(const struct cco__list *l)
{
	return l->next == l;
}
/* A node that is in no list (after init or del). */
static inline bool cco__list_linked(const struct cco__list *n)
{
	return n->next != n && n->next != NULL;
}
static inline void cco__list_add_tail(struct cco__list *n, struct cco__list *head)
{
	n->prev = head->prev;
	n->next = head;
	head->prev->next = n;
	head->prev = n;
}
static inline void cco__list_del(struct cco__list *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	cco__list_init(n);
}
#define cco__container_of(p, type, member) \
	((type *)(void *)((char *)(p) - offsetof(type, member)))
#define cco__list_first(head, type, member) \
	(cco__list_empty(head) ? NULL : cco__container_of((head)->next, type, member))

/* ---- coroutines ----------------------------------------------------------- */

enum cco__state { CCO__READY, CCO__RUNNING, CCO__PARKED, CCO__DONE };

/* Called instead of waking a parked coroutine when it is cancelled
 * (why = -ECANCELED) or its deadline passes (why = -ETIMEDOUT), for waits
 * that cannot simply be abandoned (an io_uring operation in flight): the
 * hook starts the cancellation; the operation's completion wakes the
 * coroutine later with cco__wake. Called at most once per park. */
typedef void (*cco__interrupt_fn)(cco_co *co, int why);

struct cco_co {
	void *sp;			/* saved stack pointer (cco__switch) */
	cco_exec *ex;
	cco_scope *scope;
	struct cco__list scope_node;	/* in scope->cos */
	struct cco__list ready_node;	/* in ex->ready */
	struct cco__list scopes;	/* scopes this coroutine opened */
	cco_fn fn;
	void *arg;
	int64_t result;
	enum cco__state state;
	bool cancelled;
	bool detached;
	bool interrupted;		/* the hook ran for this park */
	int shield;
	/* parking */
	int64_t wake_res;
	int64_t deadline;		/* of the current park, -1 none */
	size_t heap_idx;		/* in ex->timers, SIZE_MAX when not armed */
	cco__interrupt_fn interrupt;
	void *interrupt_data;
	cco_co *joiner;
	/* stack */
	void *stack_lo;
	size_t stack_size;
	void *asan_fake;
};

struct cco_scope {
	cco_exec *ex;
	cco_co *owner;			/* NULL: the root scope */
	struct cco__list owner_node;	/* in owner->scopes */
	struct cco__list cos;		/* coroutines not yet released */
	size_t live;			/* not yet finished */
	bool cancelled;
	bool shielded;			/* opened inside a shield: the owner's
					 * cancellation does not reach it */
	bool closing;
	cco_co *closer;			/* parked in cco_scope_close */
};

struct cco__backend;

struct cco_exec {
	const struct cco__backend *be;
	void *be_state;
	cco_co *current;		/* NULL: the scheduler runs */
	void *sched_sp;
	void *sched_stack_lo;		/* for AddressSanitizer's fiber API */
	size_t sched_stack_size;
	struct cco__list ready;
	cco_co **timers;		/* binary min-heap on deadline */
	size_t ntimers, timers_cap;
	void **stack_pool;
	size_t npool, pool_cap;
	size_t stack_size;
	size_t live;			/* coroutines not finished */
	cco_scope *root;
	int64_t now_cache;
};

/* The executor of the running thread (set by cco_exec_run). */
extern __thread cco_exec *cco__ex;

static inline cco_co *cco__self(void)
{
	return cco__ex ? cco__ex->current : NULL;
}

/* -ECANCELED if the running coroutine is cancelled (and not shielded),
 * -ETIMEDOUT if deadline has passed, else 0: the check every suspending
 * call makes before it starts. */
int cco__check(int64_t deadline);

/* Parks the running coroutine until cco__wake(co, res) (returns res), or
 * its cancellation (-ECANCELED, unless shielded) or deadline (-ETIMEDOUT).
 * Without interrupt, a park entered cancelled or past its deadline returns
 * at once. With interrupt set, cancellation and deadline call the hook
 * instead and only cco__wake ends the park; callers do cco__check before
 * they start the operation. */
int64_t cco__park(int64_t deadline, cco__interrupt_fn interrupt, void *data)
	CCK_SUSPENDS_RETURNS CCK_REAPS;	/* with interrupt: the operation's completion */
/* Makes a parked coroutine ready with result res. The first wake of a park
 * wins: false if co is not parked (already woken, cancelled, timed out):
 * a waker handing over a value must then pick another waiter. */
bool cco__wake(cco_co *co, int64_t res);
/* Lets the others run once, ignoring cancellation: for waits that must
 * finish (cco_close waiting for the kernel). */
void cco__yield_raw(void);

/* ---- wait queues for primitives ------------------------------------------- */

/* One waiting coroutine, on its own stack. A waker unlinks the waiter, and
 * if cco__wake succeeds, the waiter owns what was handed over (data). A
 * waiter woken by cancellation or deadline unlinks itself. */
struct cco__waiter {
	struct cco__list node;
	cco_co *co;
	void *data;		/* element to take from / copy into */
	int64_t index;		/* select: which operation */
	int res;
};

/* Parks cur on queue q; returns the park result and leaves w unlinked. */
int64_t cco__wait_on(struct cco__list *q, struct cco__waiter *w, int64_t deadline)
	CCK_SUSPENDS_RETURNS;
/* Wakes the first waiter that can still be woken (removing the ones that
 * cannot) with res; NULL if none. Before waking, ready(w, arg) may move a
 * value; it is called only for a waiter that will be woken. */
struct cco__waiter *cco__wake_one(struct cco__list *q, int64_t res,
				  void (*ready)(struct cco__waiter *w, void *arg), void *arg);
/* Wakes every waiter on q with res. */
void cco__wake_all(struct cco__list *q, int64_t res);

/* ---- stacks, context switch ------------------------------------------------ */

void cco__switch(void **save_sp, void *to_sp);
int cco__stack_get(cco_exec *ex, cco_co *co);
void cco__stack_put(cco_exec *ex, cco_co *co);
void cco__stack_pool_free(cco_exec *ex);
void cco__stack_init(cco_co *co);
/* Scheduler to coroutine, and back. */
void cco__resume(cco_exec *ex, cco_co *co);
void cco__suspend(cco_exec *ex, cco_co *co);

/* ---- time ---------------------------------------------------------------- */

void cco__timer_arm(cco_exec *ex, cco_co *co);
void cco__timer_disarm(cco_exec *ex, cco_co *co);
/* Earliest armed deadline, -1 if none. */
int64_t cco__timer_next(cco_exec *ex);
/* Fires every deadline <= now. */
void cco__timer_fire(cco_exec *ex, int64_t now);

#endif
