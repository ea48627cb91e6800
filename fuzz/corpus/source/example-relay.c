/* The message-store relay, done right: a relay takes messages from a store
 * and sends them on a connection; when its coroutine is cancelled or its
 * deadline passes mid-send, the message in hand goes back to the store,
 * so a surviving connection can deliver it. No message is ever lost.
 *
 * The bug this avoids: a send task that takes a message, awaits the write,
 * and only afterwards tells the store how it went. Cancelled during the
 * write, it never tells, and the message is gone. Here the status of every
 * suspending call is checked, and the cancel branch hands the message back
 * like any other failure. cancelcheck verifies it: mstore_take returns an
 * owned message, mstore_put_back and mstore_ack take it, and any path on
 * which a cancellation leaves the relay still owning one is a finding.
 *
 * Run as a self-test: `relay` relays NMSGS messages over NCONNS socket
 * pairs, with a consumer coroutine at the other end of each. Midway it
 * cancels two connections (cco_cancel), lets one time out on a stalled
 * consumer (a per-message deadline) and one run out of time (a deadline
 * for the connection's whole life). Then it checks the store's books and
 * what the consumers received, prints one line, and exits 0, or 1 if
 * anything was lost or delivered twice. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cco.h>

enum {
	NCONNS = 8,
	NMSGS = 2000,
	MAX_PAYLOAD = 48 * 1024,
	HDR_LEN = 12,		/* id, payload length, checksum: u32 LE each */
	MAX_FRAME = HDR_LEN + MAX_PAYLOAD,
	SNDBUF = 16 * 1024,	/* small: big frames go out in pieces */
};

/* ---- the message store ---------------------------------------------------- */

/* A message owns its frame, header and payload in one piece, so that it
 * goes out in one write: split across two writes, a cancellation between
 * them would leave half a message on the stream. */
struct msg {
	struct msg *next;
	uint32_t id;
	size_t wire_len;
	unsigned char *wire;	/* HDR_LEN + payload bytes, after the struct */
};

struct mstore {
	struct msg *head, *tail;	/* queued, oldest first */
	cco_event *ready;	/* set while a message is queued or all are delivered */
	size_t total;		/* messages made */
	size_t queued;
	size_t taken;		/* every take ends in exactly one of: */
	size_t delivered;	/*   an ack, */
	size_t put_back;	/*   or a put-back; */
	size_t partial;		/*   of those, with part of the frame sent */
	unsigned char *acked;	/* per id: times acknowledged */
};

static struct mstore store;

/* Takes the message first in line. The caller owns it until it hands it
 * to mstore_ack or mstore_put_back. NULL when none is queued. */
static struct msg *mstore_take(struct mstore *s) CCK_RETURNS_OWNED;
/* The whole frame was written: the message is delivered and freed. */
static void mstore_ack(struct mstore *s, struct msg *m) CCK_TAKES(2);
/* The frame was not (entirely) written: sent is how many of its bytes
 * went out. Queued again, first in line. */
static void mstore_put_back(struct mstore *s, struct msg *m, size_t sent) CCK_TAKES(2);

static bool mstore_done(const struct mstore *s)
{
	return s->delivered == s->total;
}

static struct msg *mstore_take(struct mstore *s)
{
	struct msg *m = s->head;

	if (!m)
		return NULL;
	s->head = m->next;
	if (!s->head) {
		s->tail = NULL;
		if (!mstore_done(s))
			cco_event_reset(s->ready);
	}
	m->next = NULL;
	s->queued--;
	s->taken++;
	return m;
}

static void mstore_ack(struct mstore *s, struct msg *m)
{
	s->acked[m->id]++;
	s->delivered++;
	free(m);
	if (mstore_done(s))
		cco_event_set(s->ready);	/* idle relays: time to go */
}

static void mstore_put_back(struct mstore *s, struct msg *m, size_t sent)
{
	/* The peer has the first `sent` bytes of the frame. A relay that
	 * keeps its connection could finish the frame from m->wire + sent;
	 * ours drop the connection on any failure, and the consumer discards
	 * a frame cut short by end of stream. So any prefix is worthless to
	 * the peer, and the whole message is queued for another connection;
	 * the count only keeps the books (consumers must have seen exactly
	 * that many cut frames). */
	if (sent)
		s->partial++;
	s->put_back++;
	m->next = s->head;
	s->head = m;
	if (!s->tail)
		s->tail = m;
	s->queued++;
	cco_event_set(s->ready);
}

static void mstore_add(struct mstore *s, struct msg *m)
{
	m->next = NULL;
	if (s->tail)
		s->tail->next = m;
	else
		s->head = m;
	s->tail = m;
	s->queued++;
	s->total++;
}

static void mstore_free(struct mstore *s)
{
	struct msg *m;

	while ((m = s->head)) {
		s->head = m->next;
		free(m);
	}
	s->tail = NULL;
	free(s->acked);
	cco_event_free(s->ready);
}

/* ---- frames ----------------------------------------------------------------- */

static void put_u32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8 & 0xff;
	p[2] = v >> 16 & 0xff;
	p[3] = v >> 24 & 0xff;
}

static uint32_t get_u32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t checksum(const unsigned char *p, size_t len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (len--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

static uint32_t rng_next(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* Message id: a payload of pseudo-random length and bytes. */
static struct msg *msg_make(uint32_t id, uint32_t *rng)
{
	uint32_t len = 1 + rng_next(rng) % MAX_PAYLOAD;
	struct msg *m = malloc(sizeof(*m) + HDR_LEN + len);
	unsigned char *payload;

	if (!m)
		return NULL;
	m->id = id;
	m->wire = (unsigned char *)(m + 1);
	m->wire_len = HDR_LEN + (size_t)len;
	payload = m->wire + HDR_LEN;
	for (uint32_t i = 0; i < len; i++)
		payload[i] = (unsigned char)(rng_next(rng) >> 7);
	put_u32(m->wire, id);
	put_u32(m->wire + 4, len);
	put_u32(m->wire + 8, checksum(payload, len));
	return m;
}

/* ---- connections ------------------------------------------------------------ */

enum kind {
	FAST,		/* reads as fast as it can */
	CANCELLED,	/* slow reader; its relay is cancelled midway */
	STALLED,	/* stops reading for a while; its relay has a per-message deadline */
	LEASED,		/* slow reader; its relay has a deadline for its whole life */
};

struct conn {
	enum kind kind;
	int relay_fd, peer_fd;	/* the two ends of a socket pair */
	cco_co *relay;
	int64_t msg_timeout;	/* per message, 0: none */
	int64_t lease_end;	/* the relay's last moment, -1: none */
	size_t sent;		/* messages this relay delivered */
	size_t frames;		/* intact frames the consumer received */
	size_t cut;		/* frames cut short by end of stream */
	int consumer_rc;	/* 0, or why the consumer failed */
	unsigned char *received;	/* per id: intact copies received */
};

static struct conn conns[NCONNS];
static const char *backend;

/* Takes the next message and sends it as one frame. 0: delivered (acked);
 * 1: nothing queued; < 0: the write's status, and the message is back in
 * the store. The message never outlives this function in the relay's
 * hands, whatever the outcome. */
static int relay_next(struct conn *c)
{
	int64_t deadline = c->lease_end;
	size_t sent = 0;
	struct msg *m;
	int rc;

	m = mstore_take(&store);
	if (!m)
		return 1;
	if (c->msg_timeout) {
		int64_t t = cco_now() + c->msg_timeout;
		if (deadline < 0 || t < deadline)
			deadline = t;
	}
	/* write_all reports in sent how much of the frame went out, on
	 * cancellation and timeout too: all of it exactly when rc is 0. */
	rc = cco_write_all(c->relay_fd, m->wire, m->wire_len, &sent, deadline);
	if (rc < 0) {
		/* -ECANCELED, -ETIMEDOUT, or the peer is gone (-EPIPE):
		 * whatever the reason, the message goes back. */
		mstore_put_back(&store, m, sent);
		return rc;
	}
	mstore_ack(&store, m);
	c->sent++;
	return 0;
}

/* Relays until every message is delivered, or until the connection is
 * cancelled, times out or fails. */
static int64_t relay(void *arg)
{
	struct conn *c = arg;
	int rc;

	for (;;) {
		rc = relay_next(c);
		if (rc < 0)
			break;
		if (rc == 0)
			continue;
		if (mstore_done(&store))
			break;
		/* nothing queued: wait for a put-back or the end. Cancelled
		 * here, the relay owns nothing. */
		rc = cco_event_wait(store.ready, c->lease_end);
		if (rc < 0)
			break;
	}
	(void)cco_close(c->relay_fd);	/* the consumer sees end of stream */
	c->relay_fd = -1;
	return rc < 0 ? rc : (int64_t)c->sent;
}

/* Checks the intact frames at the start of buf[0..have); returns how many
 * bytes they took. */
static size_t take_frames(struct conn *c, const unsigned char *buf, size_t have)
{
	size_t off = 0;

	while (have - off >= HDR_LEN) {
		uint32_t id = get_u32(buf + off), len = get_u32(buf + off + 4);
		if (id >= NMSGS || len == 0 || len > MAX_PAYLOAD) {
			c->consumer_rc = -EPROTO;
			return have;
		}
		if (have - off < HDR_LEN + (size_t)len)
			break;
		if (checksum(buf + off + HDR_LEN, len) != get_u32(buf + off + 8))
			c->consumer_rc = -EBADMSG;
		else
			c->received[id]++;
		c->frames++;
		off += HDR_LEN + (size_t)len;
	}
	return off;
}

static int consume_loop(struct conn *c, unsigned char *buf)
{
	size_t have = 0;
	bool stalled = false;

	for (;;) {
		size_t want = c->kind == FAST ? MAX_FRAME - have : 2048;
		if (want > MAX_FRAME - have)
			want = MAX_FRAME - have;
		ssize_t n = cco_read(c->peer_fd, buf + have, want, -1);
		if (n < 0)
			return (int)n;
		if (n == 0) {
			if (have)
				c->cut++;	/* a frame cut short: discarded */
			return 0;
		}
		have += (size_t)n;
		size_t used = take_frames(c, buf, have);
		if (c->consumer_rc)
			return c->consumer_rc;
		memmove(buf, buf + used, have - used);
		have -= used;

		int64_t pause = 0;
		if (c->kind == STALLED && c->frames && !stalled) {
			stalled = true;
			pause = 300 * CCO_MSEC;
		} else if (c->kind != FAST) {
			pause = CCO_MSEC;
		}
		if (pause) {
			int rc = cco_sleep(cco_now() + pause);
			if (rc < 0)
				return rc;
		}
	}
}

/* Reads frames from the other end until end of stream, and records each
 * intact one. The kind decides how eagerly. */
static int64_t consumer(void *arg)
{
	struct conn *c = arg;
	unsigned char *buf = malloc(MAX_FRAME);
	int rc = -ENOMEM;

	if (buf) {
		rc = consume_loop(c, buf);
		free(buf);
	}
	(void)cco_close(c->peer_fd);
	c->peer_fd = -1;
	if (rc < 0 && !c->consumer_rc)
		c->consumer_rc = rc;
	return rc;
}

/* Cancels the CANCELLED connections once a quarter of the messages are
 * delivered: their relays are then most likely in the middle of a frame. */
static int64_t chaos(void *arg)
{
	while (store.delivered < NMSGS / 4) {
		int rc = cco_sleep(cco_now() + CCO_MSEC);
		if (rc < 0)
			return rc;
	}
	for (int i = 0; i < NCONNS; i++)
		if (conns[i].kind == CANCELLED)
			cco_cancel(conns[i].relay);
	return 0;
}

/* ---- the test ------------------------------------------------------------------ */

static const char *conn_setup(struct conn *c, int i, cco_scope *scope)
{
	int fds[2], sndbuf = SNDBUF;

	c->kind = i < 2 ? CANCELLED : i == 2 ? STALLED : i == 3 ? LEASED : FAST;
	c->msg_timeout = c->kind == STALLED ? 50 * CCO_MSEC : 0;
	c->lease_end = c->kind == LEASED ? cco_now() + 20 * CCO_MSEC : -1;
	c->relay_fd = c->peer_fd = -1;
	c->received = calloc(NMSGS, 1);
	if (!c->received)
		return "out of memory";
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
		return "socketpair";
	setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
	c->relay_fd = fds[0];
	c->peer_fd = fds[1];
	if (cco_spawn(scope, consumer, c, NULL) < 0) {
		(void)cco_close(c->peer_fd);
		(void)cco_close(c->relay_fd);
		c->peer_fd = c->relay_fd = -1;
		return "spawn";
	}
	if (cco_spawn(scope, relay, c, &c->relay) < 0) {
		(void)cco_close(c->relay_fd);	/* the consumer sees end of stream */
		c->relay_fd = -1;
		c->relay = NULL;
		return "spawn";
	}
	return NULL;
}

struct tally {
	int finished, cancelled, timed_out, failed;
};

static void tally_exit(struct tally *t, const struct cco_exit *e)
{
	if (e->how == CCO_RETURNED)
		t->finished++;
	else if (e->how == CCO_CANCELLED)
		t->cancelled++;
	else if (e->value == -ETIMEDOUT)
		t->timed_out++;
	else
		t->failed++;
}

/* Everything taken was acked or put back; everything made is delivered or
 * queued; every acked message reached its consumer intact exactly once,
 * and no other did; every cut frame is a partial put-back. */
static const char *books_balance(void)
{
	size_t cut = 0;

	if (store.taken != store.delivered + store.put_back)
		return "messages taken and never acked or handed back";
	if (store.delivered + store.queued != store.total)
		return "messages missing from the store";
	for (int i = 0; i < NCONNS; i++) {
		if (conns[i].consumer_rc)
			return "a consumer failed (corrupt or unreadable stream)";
		cut += conns[i].cut;
	}
	if (cut != store.partial)
		return "cut frames != partly sent put-backs";
	for (uint32_t id = 0; id < NMSGS; id++) {
		unsigned got = 0;
		for (int i = 0; i < NCONNS; i++)
			got += conns[i].received[id];
		if (store.acked[id] > 1 || got != store.acked[id])
			return "a message was received other than once per ack";
	}
	if (!mstore_done(&store))
		return "not every message was delivered";
	return NULL;
}

static int64_t run(void *arg)
{
	const char *why = NULL;
	struct tally t = { 0 };
	uint32_t rng = 0x2545f491;
	cco_scope *scope;
	cco_co *chaos_co;

	store.ready = cco_event_new();
	store.acked = calloc(NMSGS, 1);
	if (!store.ready || !store.acked)
		return -ENOMEM;
	for (uint32_t id = 0; id < NMSGS; id++) {
		struct msg *m = msg_make(id, &rng);
		if (!m)
			return -ENOMEM;
		mstore_add(&store, m);
	}
	cco_event_set(store.ready);

	scope = cco_scope_open();
	if (!scope)
		return -ENOMEM;
	for (int i = 0; i < NCONNS && !why; i++)
		why = conn_setup(&conns[i], i, scope);
	if (!why && cco_spawn(scope, chaos, NULL, &chaos_co) < 0)
		why = "spawn";
	if (why) {
		cco_scope_cancel(scope);
		(void)cco_scope_close(scope, -1);
		fprintf(stderr, "relay: setup: %s\n", why);
		return -EIO;
	}

	/* A lost message would leave the relays waiting for it forever:
	 * give up after a while, and say so. */
	int64_t deadline = cco_now() + 10 * CCO_SEC;
	struct cco_exit e;
	int rc = cco_join(chaos_co, &e, deadline);
	for (int i = 0; i < NCONNS && !rc; i++) {
		rc = cco_join(conns[i].relay, &e, deadline);
		if (!rc)
			tally_exit(&t, &e);
	}
	if (rc < 0) {
		why = "the relays did not finish";
		cco_scope_cancel(scope);
	}
	(void)cco_scope_close(scope, -1);	/* the consumers, to end of stream */

	const char *books = books_balance();
	if (books)
		why = books;	/* more precise than a timeout */
	printf("relay: %s: %zu messages on %d connections: taken %zu %s delivered %zu + put back %zu"
	       " (%zu partly sent); relays: %d finished, %d cancelled, %d timed out, %d failed; %s%s\n",
	       backend, store.total, NCONNS, store.taken,
	       store.taken == store.delivered + store.put_back ? "=" : "!=", store.delivered,
	       store.put_back, store.partial, t.finished, t.cancelled, t.timed_out, t.failed,
	       why ? "LOST: " : "ok", why ? why : "");
	return why ? 1 : 0;
}

int main(void)
{
	cco_exec *ex;
	int64_t result = 1;
	int rc;

	/* A consumer that fails closes its end: the relay must get -EPIPE
	 * (and hand its message back), not die of the signal. */
	signal(SIGPIPE, SIG_IGN);
	rc = cco_exec_init(&ex, NULL);
	if (rc < 0) {
		fprintf(stderr, "relay: executor: %s\n", strerror(-rc));
		return 1;
	}
	backend = cco_exec_backend(ex);
	rc = cco_exec_run(ex, run, NULL, &result);
	cco_exec_free(ex);
	mstore_free(&store);
	for (int i = 0; i < NCONNS; i++)
		free(conns[i].received);
	if (rc < 0 || result < 0) {
		fprintf(stderr, "relay: %s\n", strerror(rc < 0 ? -rc : (int)-result));
		return 1;
	}
	return (int)result;
}
