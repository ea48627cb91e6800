/* The executor: ready queue, parking and waking, cancellation, deadlines
 * (a binary heap), scopes and joins. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "backend.h"
#include "internal.h"

__thread cco_exec *cco__ex;

int64_t cco_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * CCO_SEC + ts.tv_nsec;
}

/* ---- timers: a min-heap of parked coroutines on their deadline ---------- */

static void heap_set(cco_exec *ex, size_t i, cco_co *co)
{
	ex->timers[i] = co;
	co->heap_idx = i;
}

static void heap_up(cco_exec *ex, size_t i)
{
	cco_co *co = ex->timers[i];
	while (i) {
		size_t p = (i - 1) / 2;
		if (ex->timers[p]->deadline <= co->deadline)
			break;
		heap_set(ex, i, ex->timers[p]);
		i = p;
	}
	heap_set(ex, i, co);
}

static void heap_down(cco_exec *ex, size_t i)
{
	cco_co *co = ex->timers[i];
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		int64_t best = co->deadline;
		if (l < ex->ntimers && ex->timers[l]->deadline < best)
			m = l, best = ex->timers[l]->deadline;
		if (l + 1 < ex->ntimers && ex->timers[l + 1]->deadline < best)
			m = l + 1;
		if (m == i)
			break;
		heap_set(ex, i, ex->timers[m]);
		i = m;
	}
	heap_set(ex, i, co);
}

void cco__timer_arm(cco_exec *ex, cco_co *co)
{
	if (ex->ntimers == ex->timers_cap) {
		size_t cap = ex->timers_cap ? 2 * ex->timers_cap : 64;
		cco_co **t = realloc(ex->timers, cap * sizeof(*t));
		if (!t)
			abort();	/* cannot keep a deadline: never lose one silently */
		ex->timers = t;
		ex->timers_cap = cap;
	}
	ex->timers[ex->ntimers++] = co;
	heap_up(ex, ex->ntimers - 1);
}

void cco__timer_disarm(cco_exec *ex, cco_co *co)
{
	size_t i = co->heap_idx;
	if (i == SIZE_MAX)
		return;
	co->heap_idx = SIZE_MAX;
	cco_co *last = ex->timers[--ex->ntimers];
	if (i == ex->ntimers)
		return;
	heap_set(ex, i, last);
	heap_up(ex, i);
	heap_down(ex, last->heap_idx);
}

int64_t cco__timer_next(cco_exec *ex)
{
	return ex->ntimers ? ex->timers[0]->deadline : -1;
}

static void interrupt(cco_co *co, int why);

void cco__timer_fire(cco_exec *ex, int64_t now)
{
	while (ex->ntimers && ex->timers[0]->deadline <= now) {
		cco_co *co = ex->timers[0];
		cco__timer_disarm(ex, co);
		interrupt(co, -ETIMEDOUT);
	}
}

/* ---- parking ------------------------------------------------------------ */

int cco__check(int64_t deadline)
{
	cco_co *co = cco__self();
	if (!co)
		return -EPERM;
	if (co->cancelled && !co->shield)
		return -ECANCELED;
	if (deadline >= 0 && deadline <= cco_now())
		return -ETIMEDOUT;
	return 0;
}

int64_t cco__park(int64_t deadline, cco__interrupt_fn hook, void *data)
{
	cco_exec *ex = cco__ex;
	cco_co *co = ex->current;
	/* A wait that can be abandoned (no hook) does not start once the
	 * coroutine is cancelled or late: loops that wait again after a
	 * wake-up (a stale edge, a closer woken by one child) must see a
	 * cancellation that arrived while they were ready, not miss it. */
	if (!hook) {
		if (co->cancelled && !co->shield)
			return -ECANCELED;
		if (deadline >= 0 && deadline <= cco_now())
			return -ETIMEDOUT;
	}
	co->state = CCO__PARKED;
	co->interrupt = hook;
	co->interrupt_data = data;
	co->interrupted = false;
	co->deadline = deadline;
	if (deadline >= 0)
		cco__timer_arm(ex, co);
	cco__suspend(ex, co);
	return co->wake_res;
}

bool cco__wake(cco_co *co, int64_t res)
{
	if (co->state != CCO__PARKED)
		return false;
	cco__timer_disarm(co->ex, co);
	co->state = CCO__READY;
	co->wake_res = res;
	co->interrupt = NULL;
	cco__list_add_tail(&co->ready_node, &co->ex->ready);
	return true;
}

/* Cancellation or deadline reached a parked coroutine. */
static void interrupt(cco_co *co, int why)
{
	if (co->state != CCO__PARKED)
		return;
	if (!co->interrupt) {
		cco__wake(co, why);
		return;
	}
	if (co->interrupted)
		return;
	co->interrupted = true;
	cco__timer_disarm(co->ex, co);
	co->interrupt(co, why);
}

/* ---- wait queues -------------------------------------------------------- */

int64_t cco__wait_on(struct cco__list *q, struct cco__waiter *w, int64_t deadline)
{
	w->co = cco__self();
	cco__list_add_tail(&w->node, q);
	int64_t r = cco__park(deadline, NULL, NULL);
	if (cco__list_linked(&w->node))
		cco__list_del(&w->node);
	return r;
}

struct cco__waiter *cco__wake_one(struct cco__list *q, int64_t res,
				  void (*ready)(struct cco__waiter *w, void *arg), void *arg)
{
	struct cco__waiter *w;
	while ((w = cco__list_first(q, struct cco__waiter, node))) {
		cco__list_del(&w->node);
		if (w->co->state != CCO__PARKED)
			continue;	/* cancelled or timed out: it left */
		if (ready)
			ready(w, arg);
		cco__wake(w->co, res);
		return w;
	}
	return NULL;
}

void cco__wake_all(struct cco__list *q, int64_t res)
{
	struct cco__waiter *w;
	while ((w = cco__list_first(q, struct cco__waiter, node))) {
		cco__list_del(&w->node);
		cco__wake(w->co, res);
	}
}

/* ---- cancellation --------------------------------------------------------- */

void cco_cancel(cco_co *co)
{
	if (!co || co->state == CCO__DONE)
		return;
	co->cancelled = true;
	/* the scopes it opened, except those opened inside a shield */
	for (struct cco__list *n = co->scopes.next; n != &co->scopes; n = n->next) {
		cco_scope *s = cco__container_of(n, cco_scope, owner_node);
		if (!s->shielded)
			cco_scope_cancel(s);
	}
	if (!co->shield)
		interrupt(co, -ECANCELED);
}

void cco_scope_cancel(cco_scope *s)
{
	if (s->cancelled)
		return;
	s->cancelled = true;
	for (struct cco__list *n = s->cos.next; n != &s->cos; n = n->next)
		cco_cancel(cco__container_of(n, cco_co, scope_node));
}

cco_co *cco_self(void)
{
	return cco__self();
}

int cco_cancelled(void)
{
	cco_co *co = cco__self();
	return co && co->cancelled;
}

void cco_shield_begin(void)
{
	cco_co *co = cco__self();
	if (co)
		co->shield++;
}

void cco_shield_end(void)
{
	cco_co *co = cco__self();
	if (co && co->shield > 0)
		co->shield--;
}

void cco__yield_raw(void)
{
	cco_exec *ex = cco__ex;
	cco_co *co = ex ? ex->current : NULL;
	if (!co)
		return;
	co->state = CCO__READY;
	cco__list_add_tail(&co->ready_node, &ex->ready);
	cco__suspend(ex, co);
}

int cco_yield(void)
{
	int rc = cco__check(-1);
	if (rc)
		return rc;
	cco__yield_raw();
	return 0;
}

int cco_sleep(int64_t until)
{
	int rc = cco__check(-1);
	if (rc)
		return rc;
	if (until >= 0 && until <= cco_now())
		return 0;
	int64_t r = cco__park(until, NULL, NULL);
	return r == -ETIMEDOUT ? 0 : (int)r;
}

/* ---- coroutines and scopes -------------------------------------------------- */

static cco_scope *scope_new(cco_exec *ex, cco_co *owner)
{
	cco_scope *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->ex = ex;
	s->owner = owner;
	cco__list_init(&s->cos);
	cco__list_init(&s->owner_node);
	if (owner) {
		s->shielded = owner->shield > 0;
		cco__list_add_tail(&s->owner_node, &owner->scopes);
	}
	return s;
}

cco_scope *cco_scope_open(void)
{
	cco_co *co = cco__self();
	if (!co) {
		errno = EPERM;
		return NULL;
	}
	return scope_new(co->ex, co);
}

int cco_spawn(cco_scope *s, cco_fn fn, void *arg, cco_co **out)
{
	cco_exec *ex = s->ex;
	cco_co *co = calloc(1, sizeof(*co));
	if (!co)
		return -ENOMEM;
	if (cco__stack_get(ex, co) < 0) {
		free(co);
		return -ENOMEM;
	}
	co->ex = ex;
	co->scope = s;
	co->fn = fn;
	co->arg = arg;
	co->heap_idx = SIZE_MAX;
	co->deadline = -1;
	co->cancelled = s->cancelled;
	co->detached = !out;
	co->state = CCO__READY;
	cco__list_init(&co->scopes);
	cco__stack_init(co);
	cco__list_add_tail(&co->scope_node, &s->cos);
	cco__list_add_tail(&co->ready_node, &ex->ready);
	s->live++;
	ex->live++;
	if (out)
		*out = co;
	return 0;
}

/* The coroutine's whole life, on its own stack (called by cco__start). */
void cco__run_body(cco_co *co)
{
	co->result = co->fn(co->arg);
	/* structured: scopes left open are cancelled and closed here */
	cco_scope *s;
	while ((s = cco__list_first(&co->scopes, cco_scope, owner_node))) {
		cco_scope_cancel(s);
		(void)cco_scope_close(s, -1);
	}
}

static void co_release(cco_co *co)
{
	cco__list_del(&co->scope_node);
	free(co);
}

/* In the scheduler, right after co's last switch. */
static void co_finished(cco_exec *ex, cco_co *co)
{
	cco_scope *s = co->scope;
	cco__stack_put(ex, co);
	co->stack_lo = NULL;
	ex->live--;
	s->live--;
	if (co->joiner)
		cco__wake(co->joiner, 0);
	if (!s->live && s->closer)
		cco__wake(s->closer, 0);
	if (co->detached)
		co_release(co);
}

static void fill_exit(const cco_co *co, struct cco_exit *exit)
{
	if (!exit)
		return;
	exit->value = co->result;
	exit->how = co->result >= 0 ? CCO_RETURNED
		  : co->result == -ECANCELED ? CCO_CANCELLED : CCO_FAILED;
}

int cco_join(cco_co *co, struct cco_exit *exit, int64_t deadline)
{
	if (co->state != CCO__DONE) {
		int64_t r = cco__check(deadline);
		if (!r) {
			co->joiner = cco__self();
			r = cco__park(deadline, NULL, NULL);
			co->joiner = NULL;
		}
		/* finished meanwhile: the join happened, report it */
		if (co->state != CCO__DONE)
			return (int)r;
	}
	fill_exit(co, exit);
	co_release(co);
	return 0;
}

/* Every coroutine of s has finished: release the records not joined,
 * then s. */
static void scope_free(cco_scope *s)
{
	cco_co *co;
	while ((co = cco__list_first(&s->cos, cco_co, scope_node)))
		co_release(co);
	cco__list_del(&s->owner_node);
	free(s);
}

static void scope_wait(cco_scope *s, int64_t deadline, int *rc)
{
	while (s->live) {
		s->closer = cco__self();
		int64_t r = cco__park(deadline, NULL, NULL);
		s->closer = NULL;
		if (r < 0 && s->live) {
			*rc = (int)r;
			return;
		}
	}
}

int cco_scope_close(cco_scope *s, int64_t deadline)
{
	int rc = 0;
	s->closing = true;
	if (s->live) {
		rc = cco__check(deadline);
		if (!rc)
			scope_wait(s, deadline, &rc);
	}
	if (s->live) {
		/* cancelled or timed out: cancel them all and wait to the end */
		int ignored = 0;
		cco_scope_cancel(s);
		cco_shield_begin();
		scope_wait(s, -1, &ignored);
		cco_shield_end();
	}
	scope_free(s);
	return rc;
}

/* ---- the executor ------------------------------------------------------------ */

static const struct cco__backend *backend_named(const char *name)
{
	if (!strcmp(name, "epoll"))
		return &cco__epoll;
	if (!strcmp(name, "io_uring") || !strcmp(name, "uring"))
		return &cco__uring;
	return NULL;
}

int cco_exec_init(cco_exec **out, const struct cco_opts *opts)
{
	struct cco_opts o = opts ? *opts : (struct cco_opts){ 0 };
	const struct cco__backend *be = NULL;
	if (o.backend == CCO_BACKEND_EPOLL)
		be = &cco__epoll;
	else if (o.backend == CCO_BACKEND_URING)
		be = &cco__uring;
	else if (o.backend != CCO_BACKEND_AUTO)
		return -EINVAL;
	const char *env = getenv("CCO_BACKEND");
	bool fallback = !be;
	if (!be && env && *env && strcmp(env, "auto")) {
		be = backend_named(env);
		if (!be)
			return -EINVAL;
		fallback = false;
	}
	if (!be)
		be = &cco__uring;

	cco_exec *ex = calloc(1, sizeof(*ex));
	if (!ex)
		return -ENOMEM;
	cco__list_init(&ex->ready);
	ex->stack_size = o.stack_size ? (o.stack_size + 4095) & ~(size_t)4095 : 256 * 1024;
	int rc = be->init(ex, &o);
	if (rc < 0 && fallback && be == &cco__uring) {
		/* io_uring refused (seccomp, sysctl, old kernel): epoll, quietly */
		be = &cco__epoll;
		rc = be->init(ex, &o);
	}
	if (rc < 0) {
		free(ex);
		return rc;
	}
	ex->be = be;
	*out = ex;
	return 0;
}

const char *cco_exec_backend(const cco_exec *ex)
{
	return ex->be->name;
}

static void run_ready(cco_exec *ex)
{
	/* only those ready now: a coroutine that keeps yielding must not
	 * starve I/O and timers */
	struct cco__list batch;
	cco__list_init(&batch);
	if (cco__list_empty(&ex->ready))
		return;
	batch.next = ex->ready.next;
	batch.prev = ex->ready.prev;
	batch.next->prev = &batch;
	batch.prev->next = &batch;
	cco__list_init(&ex->ready);
	cco_co *co;
	while ((co = cco__list_first(&batch, cco_co, ready_node))) {
		cco__list_del(&co->ready_node);
		cco__resume(ex, co);
		if (co->state == CCO__DONE)
			co_finished(ex, co);
	}
}

int cco_exec_run(cco_exec *ex, cco_fn fn, void *arg, int64_t *result)
{
	if (cco__ex)
		return -EBUSY;	/* one executor per thread, not nested */
	cco_scope *root = scope_new(ex, NULL);
	if (!root)
		return -ENOMEM;
	cco_co *main_co;
	int rc = cco_spawn(root, fn, arg, &main_co);
	if (rc < 0) {
		free(root);
		return rc;
	}
	ex->root = root;
	cco__ex = ex;
	while (ex->live) {
		run_ready(ex);
		if (!ex->live)
			break;
		int64_t timeout = -1;
		if (!cco__list_empty(&ex->ready)) {
			timeout = 0;
		} else if (ex->ntimers) {
			int64_t now = cco_now();
			int64_t next = cco__timer_next(ex);
			timeout = next > now ? next - now : 0;
		}
		if (timeout < 0 && ex->be->idle(ex)) {
			/* every coroutine waits on another: report, do not hang */
			fprintf(stderr, "cco: deadlock: %zu coroutines wait, nothing can wake them\n",
				ex->live);
			abort();
		}
		ex->be->poll(ex, timeout);
		if (ex->ntimers)
			cco__timer_fire(ex, cco_now());
	}
	cco__ex = NULL;
	if (result)
		*result = main_co->result;
	scope_free(root);
	ex->root = NULL;
	return 0;
}

void cco_exec_free(cco_exec *ex)
{
	if (!ex)
		return;
	ex->be->fini(ex);
	cco__stack_pool_free(ex);
	free(ex->timers);
	free(ex);
}
