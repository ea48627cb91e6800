#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct chan;
struct permit;
struct msg;
struct mtx;
int mtx_lock(struct mtx *m, int64_t deadline) CCK_SUSPENDS_RETURNS CCK_TRY_ACQUIRES(1, zero);
void mtx_unlock(struct mtx *m) CCK_RELEASES(1);
struct permit *chan_reserve(struct chan *c, int64_t d) CCK_SUSPENDS_RETURNS CCK_RETURNS_OWNED;
void permit_send(struct permit *p, struct msg *m) CCK_TAKES(1) CCK_CONSUMES(2);
struct msg *msg_new(void) CCK_RETURNS_OWNED;
void msg_free(struct msg *m) CCK_TAKES(1);
int chan_send(struct chan *c, struct msg *m, int64_t d) CCK_SUSPENDS_RETURNS CCK_CONSUMES_ON_CANCEL(2);
int io_read(int fd, void *b, unsigned n, int64_t d) CCK_SUSPENDS_RETURNS CCK_LENDS(2);
void shield_on(void) CCK_SHIELD_BEGIN;
void shield_off(void) CCK_SHIELD_END;
int peek(const struct msg *m) CCK_BORROWS;
int must(void) CCK_MUST_USE;

int pump(struct chan *c, struct mtx *mu)
{
	struct msg *m = msg_new();
	if (!m)
		return -ENOMEM;
	int rc = mtx_lock(mu, -1);
	if (rc == -ECANCELED || rc == -ETIMEDOUT) {
		msg_free(m);
		return rc;
	}
	peek(m);
	struct permit *p = chan_reserve(c, 100);
	if (!p) {
		mtx_unlock(mu);
		shield_on();
		rc = chan_send(c, m, -1);
		shield_off();
		return rc;
	}
	permit_send(p, m);
	mtx_unlock(mu);
	return must();
}
