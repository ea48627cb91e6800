// Roles from annotations (include/cancelcheck/annotations.h) and clang's
// thread-safety/ownership attributes become the same events as the
// built-in models: suspend cancel=returns|unwinds, consume-lost-on-cancel,
// own, consume, acquire/release (try: "-> RES if MASK"), shield-on/off.

#include <cancelcheck/annotations.h>
#include <stdlib.h>

struct chan;
struct msg;
struct mu;

int chan_send(struct chan *c, struct msg *m) CCK_SUSPENDS_RETURNS CCK_CONSUMES_ON_CANCEL(2);
int chan_recv(struct chan *c, struct msg **out) CCK_SUSPENDS_RETURNS;
void park(void) CCK_SUSPENDS_UNWINDS;
struct msg *msg_new(void) CCK_RETURNS_OWNED;
int fd_new(void) CCK_RETURNS_OWNED_IF(nonneg);
void msg_put(struct chan *c, struct msg *m) CCK_CONSUMES(2);
void mu_lock(struct mu *m) CCK_ACQUIRES(1);
void mu_unlock(struct mu *m) CCK_RELEASES(1);
int mu_trylock(struct mu *m) CCK_TRY_ACQUIRES(1, zero);
void sh_on(void) CCK_SHIELD_BEGIN;
void sh_off(void) CCK_SHIELD_END;
void log_buf(char *m) CCK_BORROWS;

struct __attribute__((capability("mutex"))) lk { int x; };
void lk_lock(struct lk *l) __attribute__((acquire_capability(*l)));
void lk_unlock(struct lk *l) __attribute__((release_capability(*l)));
int lk_try(struct lk *l) __attribute__((try_acquire_capability(1, *l)));

// A cancel-unsafe send: the message is lost if the send is cancelled; the
// consume comes before the suspend, and the cancel branch follows.
int send(struct chan *c) {
  struct msg *m = msg_new();
  int rc = chan_send(c, m);
  if (rc == -125)
    return rc;
  return 0;
}

int recv_put(struct chan *c) {
  struct msg *in;
  int rc = chan_recv(c, &in);
  msg_put(c, in);
  int fd = fd_new();
  return fd;
}

// Guards by argument index, and a shield around an unwinding suspend.
void guards(struct mu *mu) {
  mu_lock(mu);
  sh_on();
  park();
  sh_off();
  mu_unlock(mu);
  if (mu_trylock(mu) == 0)
    mu_unlock(mu);
}

// Thread-safety capability attributes: try_acquire_capability(1, ...)
// succeeds on a nonzero result.
void capabilities(struct lk *l) {
  lk_lock(l);
  lk_unlock(l);
  if (lk_try(l))
    lk_unlock(l);
}

// value to it consumes nothing (CCK_TAKES: annotations-takes.c).
void borrowed(void) {
  char *m = malloc(4);
  log_buf(m);
  free(m);
}
