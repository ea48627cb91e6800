/* The one interface both I/O backends implement (epoll, io_uring). */
#ifndef CCO_BACKEND_H
#define CCO_BACKEND_H

#include <sys/socket.h>
#include <sys/types.h>

#include "internal.h"

enum cco__op_kind { CCO__READ, CCO__WRITE, CCO__RECV, CCO__SEND, CCO__ACCEPT, CCO__CONNECT };

/* One I/O operation of the running coroutine, on its stack for the length
 * of the call. */
struct cco__op {
	enum cco__op_kind kind;
	int fd;
	void *buf;			/* READ/RECV: into; WRITE/SEND: from */
	size_t len;
	int flags;			/* RECV/SEND: MSG_*; ACCEPT: SOCK_* */
	struct sockaddr *addr;		/* ACCEPT: out; CONNECT: in */
	socklen_t *addrlen;		/* ACCEPT */
	socklen_t addrlen_in;		/* CONNECT */
};

struct cco__backend {
	const char *name;
	/* 0, or -errno (io_uring: the refusal that makes AUTO fall back). */
	int (*init)(cco_exec *ex, const struct cco_opts *opts);
	/* Reaps everything still in flight, then frees. */
	void (*fini)(cco_exec *ex);
	/* Waits up to timeout_ns (-1: until something happens; 0: no wait)
	 * for completions or readiness and wakes the coroutines concerned. */
	void (*poll)(cco_exec *ex, int64_t timeout_ns);
	/* Performs op for the running coroutine: its result, or -ECANCELED/
	 * -ETIMEDOUT when cancelled or timed out before it completed. Always
	 * returns after the kernel is done with op->buf. */
	ssize_t (*io)(cco_exec *ex, struct cco__op *op, int64_t deadline);
	/* Ends every operation in flight on fd (-EBADF unless completed),
	 * waits for them, forgets fd. The caller closes it. */
	void (*forget_fd)(cco_exec *ex, int fd);
	/* Nothing in flight and no fd watched: waiting could never end. */
	bool (*idle)(cco_exec *ex);
};

extern const struct cco__backend cco__epoll;
extern const struct cco__backend cco__uring;

#endif
