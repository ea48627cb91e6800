/* Channels: a bounded ring of fixed-size elements, rendezvous at capacity 0,
 * with reserve + permit_send for cancel-safe sends, close, and select.
 *
 * Two wait queues, each FIFO:
 *  - recvq: receivers (plain and select); each waits with w->data pointing
 *    at its own buffer, and a waker copies an element straight into it.
 *  - putq: senders (plain and select) and reservers, in one queue so that
 *    a free slot goes to whoever asked first. A sender's element stays in
 *    its own memory (w->data) until it is admitted.
 * w->index tells the kinds apart: a select operation's index (>= 0), or
 * CHAN_SEND, CHAN_RECV, CHAN_RESERVE.
 *
 * A waker hands something over only from a ready callback of
 * cco__wake_one, which runs only for a waiter whose wake succeeds: a
 * waiter that comes back with -ECANCELED/-ETIMEDOUT was given nothing, and
 * one woken with 0 owns what it got even if it was cancelled meanwhile.
 *
 * Slots: count elements are buffered and reserved slots are promised to
 * outstanding permits; count + reserved <= capacity. Live waiters in
 * putq exist only while the channel is full; live receivers only while
 * nothing is buffered. settle() restores both after every change.
 *
 * Capacity 0 (rendezvous): nothing is ever buffered. A send completes
 * only when a receiver takes the element from the sender's own memory.
 * cco_chan_reserve on such a channel returns -EINVAL: a permit promises a
 * send that cannot fail or wait, which needs a slot, and a rendezvous
 * channel has none (a receiver found waiting at reserve time could be
 * cancelled before the permit is used). Give the channel capacity 1 for
 * cancel-safe sends.
 *
 * Close: waiting senders and reservers get -EPIPE at once. Receivers get
 * what is buffered, and what outstanding permits still send; they get
 * -EPIPE once the channel is closed, empty and no permit is outstanding. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct cco_chan {
	size_t elem_size;
	size_t cap;
	unsigned char *ring;		/* cap * elem_size bytes */
	size_t head;			/* oldest buffered element */
	size_t count;			/* buffered */
	size_t reserved;		/* slots held by outstanding permits */
	bool closed;
	void (*dtor)(void *elem);
	struct cco__list recvq;
	struct cco__list putq;
};

/* w->index of a waiter that is not part of a select (which uses the
 * operation's index, >= 0). */
enum { CHAN_SEND = -1, CHAN_RECV = -2, CHAN_RESERVE = -3 };

/* w->res of a select waiter nothing was handed to (yet). */
#define CHAN_PENDING 1

/* ---- the ring ------------------------------------------------------------ */

static void *slot(cco_chan *c, size_t i)
{
	return c->ring + ((c->head + i) % c->cap) * c->elem_size;
}

static bool has_room(const cco_chan *c)
{
	return c->count + c->reserved < c->cap;
}

static void ring_push(cco_chan *c, const void *elem)
{
	assert(has_room(c));
	memcpy(slot(c, c->count), elem, c->elem_size);
	c->count++;
}

static void ring_pop(cco_chan *c, void *elem)
{
	assert(c->count > 0);
	memcpy(elem, slot(c, 0), c->elem_size);
	c->head = (c->head + 1) % c->cap;
	c->count--;
}

/* Closed, and nothing buffered or promised: receivers can only get -EPIPE. */
static bool drained(const cco_chan *c)
{
	return c->closed && c->count == 0 && c->reserved == 0;
}

/* ---- hand-over callbacks (run only for a waiter whose wake succeeds) ---- */

/* A waiting receiver takes the element arg points at. */
static void give_elem(struct cco__waiter *w, void *arg)
{
	cco_chan *c = ((void **)arg)[0];

	memcpy(w->data, ((void **)arg)[1], c->elem_size);
	w->res = 0;
}

/* A waiting receiver takes the oldest buffered element. */
static void give_buffered(struct cco__waiter *w, void *arg)
{
	ring_pop(arg, w->data);
	w->res = 0;
}

/* A waiting sender's element goes to the receiver's buffer (rendezvous). */
static void take_elem(struct cco__waiter *w, void *arg)
{
	cco_chan *c = ((void **)arg)[0];

	memcpy(((void **)arg)[1], w->data, c->elem_size);
	w->res = 0;
}

/* A waiting sender or reserver gets a free slot. */
static void admit(struct cco__waiter *w, void *arg)
{
	cco_chan *c = arg;

	if (w->index == CHAN_RESERVE) {
		c->reserved++;
		((cco_permit *)w->data)->chan = c;
	} else {
		ring_push(c, w->data);
	}
	w->res = 0;
}

/* Close: the waiter gets -EPIPE, and a select learns which operation. */
static void refuse(struct cco__waiter *w, void *arg)
{
	w->res = -EPIPE;
}

/* ---- keeping the invariants ------------------------------------------------ */

/* After any change of count, reserved or closed: hand buffered elements
 * to waiting receivers, free slots to waiting senders and reservers (whose
 * elements may then go to receivers), and -EPIPE to receivers once the
 * channel is closed and drained. */
static void settle(cco_chan *c)
{
	bool moved;

	do {
		moved = false;
		while (c->count > 0 && cco__wake_one(&c->recvq, 0, give_buffered, c))
			moved = true;
		while (!c->closed && has_room(c) && cco__wake_one(&c->putq, 0, admit, c))
			moved = true;
	} while (moved);
	if (drained(c))
		while (cco__wake_one(&c->recvq, -EPIPE, refuse, NULL))
			;
}

/* Completes a send now if it can: straight to a waiting receiver, else
 * into a free slot. No live sender waits while a slot is free, so this
 * never jumps the queue. */
static bool send_now(cco_chan *c, const void *elem)
{
	void *arg[2] = { c, (void *)elem };

	if (cco__wake_one(&c->recvq, 0, give_elem, arg))
		return true;
	if (!has_room(c))
		return false;
	ring_push(c, elem);
	return true;
}

/* Completes a receive now if it can: the oldest buffered element, or on a
 * rendezvous channel the first waiting sender's (putq then holds only
 * senders: reserve refuses capacity 0). With capacity, a receiver never
 * takes from a waiting sender directly: the buffer is empty only when all
 * slots are reserved, and the permits' elements come first. */
static bool recv_now(cco_chan *c, void *elem)
{
	void *arg[2] = { c, elem };

	if (c->count > 0) {
		ring_pop(c, elem);
		settle(c);
		return true;
	}
	return c->cap == 0 && cco__wake_one(&c->putq, 0, take_elem, arg);
}

/* ---- public -------------------------------------------------------------- */

cco_chan *cco_chan_open(size_t elem_size, size_t capacity, void (*dtor)(void *elem))
{
	cco_chan *c;

	if (elem_size == 0 || (capacity && elem_size > SIZE_MAX / capacity))
		return NULL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	if (capacity) {
		c->ring = malloc(capacity * elem_size);
		if (!c->ring) {
			free(c);
			return NULL;
		}
	}
	c->elem_size = elem_size;
	c->cap = capacity;
	c->dtor = dtor;
	cco__list_init(&c->recvq);
	cco__list_init(&c->putq);
	return c;
}

void cco_chan_free(cco_chan *c)
{
	if (!c)
		return;
	assert(cco__list_empty(&c->recvq) && cco__list_empty(&c->putq));
	assert(c->reserved == 0);
	while (c->count > 0) {
		if (c->dtor)
			c->dtor(slot(c, 0));
		c->head = (c->head + 1) % c->cap;
		c->count--;
	}
	free(c->ring);
	free(c);
}

void cco_chan_close(cco_chan *c)
{
	if (c->closed)
		return;
	c->closed = true;
	while (cco__wake_one(&c->putq, -EPIPE, refuse, NULL))
		;
	settle(c);
}

int cco_chan_send(cco_chan *c, const void *elem, int64_t deadline)
{
	struct cco__waiter w = { .data = (void *)elem, .index = CHAN_SEND };
	int rc = cco__check(deadline);

	if (rc)
		return rc;
	if (c->closed)
		return -EPIPE;
	if (send_now(c, elem))
		return 0;
	w.co = cco__self();
	return (int)cco__wait_on(&c->putq, &w, deadline);
}

int cco_chan_recv(cco_chan *c, void *elem, int64_t deadline)
{
	struct cco__waiter w = { .data = elem, .index = CHAN_RECV };
	int rc = cco__check(deadline);

	if (rc)
		return rc;
	if (recv_now(c, elem))
		return 0;
	if (drained(c))
		return -EPIPE;
	w.co = cco__self();
	return (int)cco__wait_on(&c->recvq, &w, deadline);
}

int cco_chan_try_send(cco_chan *c, const void *elem)
{
	if (c->closed)
		return -EPIPE;
	return send_now(c, elem) ? 0 : -EAGAIN;
}

int cco_chan_try_recv(cco_chan *c, void *elem)
{
	if (recv_now(c, elem))
		return 0;
	return drained(c) ? -EPIPE : -EAGAIN;
}

/* ---- permits ------------------------------------------------------------- */

int cco_chan_reserve(cco_chan *c, cco_permit *p, int64_t deadline)
{
	struct cco__waiter w = { .data = p, .index = CHAN_RESERVE };
	int rc;

	p->chan = NULL;			/* the exit guard releases nothing */
	rc = cco__check(deadline);
	if (rc)
		return rc;
	if (c->cap == 0)
		return -EINVAL;
	if (c->closed)
		return -EPIPE;
	if (has_room(c)) {
		c->reserved++;
		p->chan = c;
		return 0;
	}
	w.co = cco__self();
	return (int)cco__wait_on(&c->putq, &w, deadline);
}

/* The slot was reserved, so the element always fits: straight to a waiting
 * receiver, or into the ring. Works after close too. */
void cco_permit_send(cco_permit *p, const void *elem)
{
	cco_chan *c = p->chan;
	void *arg[2] = { c, (void *)elem };

	assert(c && c->reserved > 0);
	p->chan = NULL;
	c->reserved--;			/* the slot is now this element's */
	if (!cco__wake_one(&c->recvq, 0, give_elem, arg))
		ring_push(c, elem);
	settle(c);
}

void cco_permit_release(cco_permit *p)
{
	cco_chan *c = p->chan;

	if (!c)
		return;
	assert(c->reserved > 0);
	p->chan = NULL;
	c->reserved--;
	settle(c);
}

/* ---- select -------------------------------------------------------------- */

/* Completes ops[i] now if it can (a closed channel completes it with
 * -EPIPE). An operation on a NULL channel never completes. */
static bool sel_now(struct cco_sel *op)
{
	cco_chan *c = op->chan;

	if (!c)
		return false;
	if (op->op == CCO_SEL_SEND) {
		if (c->closed)
			op->res = -EPIPE;
		else if (send_now(c, op->elem))
			op->res = 0;
		else
			return false;
		return true;
	}
	if (recv_now(c, op->elem))
		op->res = 0;
	else if (drained(c))
		op->res = -EPIPE;
	else
		return false;
	return true;
}

/* One waiter per operation, all for the running coroutine: the first wake
 * that succeeds ends the park, so exactly one operation is handed over
 * (its ready callback set its res); the others are unlinked before return
 * or skipped by wakers meanwhile, because the coroutine is no longer
 * parked. */
static int sel_wait(struct cco_sel *ops, size_t n, struct cco__waiter *w, int64_t deadline)
{
	cco_co *self = cco__self();
	int64_t r;
	size_t i;
	int fired = -1;

	for (i = 0; i < n; i++) {
		w[i] = (struct cco__waiter){ .co = self, .data = ops[i].elem,
					     .index = (int64_t)i, .res = CHAN_PENDING };
		cco__list_init(&w[i].node);
		if (ops[i].chan)
			cco__list_add_tail(&w[i].node, ops[i].op == CCO_SEL_SEND ?
					   &ops[i].chan->putq : &ops[i].chan->recvq);
	}
	r = cco__park(deadline, NULL, NULL);
	for (i = 0; i < n; i++) {
		if (cco__list_linked(&w[i].node))
			cco__list_del(&w[i].node);
		if (w[i].res != CHAN_PENDING) {
			assert(fired < 0);
			fired = (int)i;
		}
	}
	if (fired < 0) {
		assert(r < 0);
		return (int)r;
	}
	ops[fired].res = w[fired].res;
	return fired;
}

int cco_select(struct cco_sel *ops, size_t n, int64_t deadline)
{
	struct cco__waiter small[8], *w = small;
	size_t i;
	int rc = cco__check(deadline);

	if (rc)
		return rc;
	if (n > (size_t)INT32_MAX)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (sel_now(&ops[i]))
			return (int)i;
	if (n > sizeof(small) / sizeof(small[0])) {
		w = malloc(n * sizeof(*w));
		if (!w)
			return -ENOMEM;
	}
	rc = sel_wait(ops, n, w, deadline);
	if (w != small)
		free(w);
	return rc;
}
