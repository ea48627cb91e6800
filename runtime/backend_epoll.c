/* The epoll backend: readiness, not completion. Each operation is tried
 * non-blocking; on EAGAIN the coroutine waits for the fd's edge and tries
 * again. Nothing is ever in the kernel's hands between two tries, so a
 * cancelled wait is simply abandoned: the drop path is trivial here. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "backend.h"

struct fdent {
	bool prepared;		/* made non-blocking */
	bool registered;	/* in the epoll set (edge-triggered, both ways) */
	struct cco__list readers, writers;
};

struct ep {
	int epfd;
	struct fdent **fds;
	size_t nfds;
	size_t waiting;
	struct epoll_event evs[256];
};

static struct ep *ep_of(cco_exec *ex)
{
	return ex->be_state;
}

static int ep_init(cco_exec *ex, const struct cco_opts *o)
{
	struct ep *ep = calloc(1, sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	ep->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (ep->epfd < 0) {
		int e = errno;
		free(ep);
		return -e;
	}
	ex->be_state = ep;
	return 0;
}

static void ep_fini(cco_exec *ex)
{
	struct ep *ep = ep_of(ex);
	close(ep->epfd);
	for (size_t i = 0; i < ep->nfds; i++)
		free(ep->fds[i]);
	free(ep->fds);
	free(ep);
	ex->be_state = NULL;
}

/* Entries are allocated one by one: their list heads must not move. */
static struct fdent *ent_get(struct ep *ep, int fd)
{
	if (fd < 0)
		return NULL;
	if ((size_t)fd >= ep->nfds) {
		size_t n = ep->nfds ? ep->nfds : 64;
		while (n <= (size_t)fd)
			n *= 2;
		struct fdent **t = realloc(ep->fds, n * sizeof(*t));
		if (!t)
			return NULL;
		for (size_t i = ep->nfds; i < n; i++)
			t[i] = NULL;
		ep->fds = t;
		ep->nfds = n;
	}
	struct fdent *e = ep->fds[fd];
	if (!e) {
		e = calloc(1, sizeof(*e));
		if (!e)
			return NULL;
		cco__list_init(&e->readers);
		cco__list_init(&e->writers);
		ep->fds[fd] = e;
	}
	return e;
}

static int prepare(struct fdent *e, int fd)
{
	if (e->prepared)
		return 0;
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0)
		return -errno;
	if (!(fl & O_NONBLOCK) && fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -errno;
	e->prepared = true;
	return 0;
}

/* Waits for the next edge in the direction of op; 0, or the park's
 * -ECANCELED/-ETIMEDOUT, or -EBADF from cco_close. */
static int wait_edge(struct ep *ep, struct fdent *e, int fd, bool out, int64_t deadline)
{
	if (!e->registered) {
		struct epoll_event ev = {
			.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET,
			.data.fd = fd,
		};
		if (epoll_ctl(ep->epfd, EPOLL_CTL_ADD, fd, &ev) < 0 && errno != EEXIST)
			return -errno;
		e->registered = true;
	}
	struct cco__waiter w = { 0 };
	ep->waiting++;
	int64_t r = cco__wait_on(out ? &e->writers : &e->readers, &w, deadline);
	ep->waiting--;
	return (int)r;
}

/* Every descriptor here was made non-blocking by prepare(): read, accept
 * and connect return at once (EAGAIN, EINPROGRESS) instead of blocking. */
static ssize_t try_op(struct cco__op *op) CCK_NONBLOCKING;
static ssize_t ep_connect(struct ep *ep, struct fdent *e, struct cco__op *op, int64_t deadline)
	CCK_NONBLOCKING;

static ssize_t try_op(struct cco__op *op)
{
	ssize_t r;
	switch (op->kind) {
	case CCO__READ:
		r = read(op->fd, op->buf, op->len);
		break;
	case CCO__WRITE:
		r = write(op->fd, op->buf, op->len);
		break;
	case CCO__RECV:
		r = recv(op->fd, op->buf, op->len, op->flags);
		break;
	case CCO__SEND:
		r = send(op->fd, op->buf, op->len, op->flags);
		break;
	case CCO__ACCEPT:
		r = accept4(op->fd, op->addr, op->addrlen, op->flags);
		break;
	default:
		return -EINVAL;
	}
	return r < 0 ? -errno : r;
}

static ssize_t ep_connect(struct ep *ep, struct fdent *e, struct cco__op *op, int64_t deadline)
{
	if (connect(op->fd, op->addr, op->addrlen_in) == 0)
		return 0;
	if (errno != EINPROGRESS)
		return -errno;
	int r = wait_edge(ep, e, op->fd, true, deadline);
	if (r < 0)
		return r;
	int err = 0;
	socklen_t len = sizeof(err);
	if (getsockopt(op->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		return -errno;
	return -err;
}

static ssize_t ep_io(cco_exec *ex, struct cco__op *op, int64_t deadline)
{
	struct ep *ep = ep_of(ex);
	struct fdent *e = ent_get(ep, op->fd);
	if (!e)
		return op->fd < 0 ? -EBADF : -ENOMEM;
	int rc = prepare(e, op->fd);
	if (rc < 0)
		return rc;
	if (op->kind == CCO__CONNECT)
		return ep_connect(ep, e, op, deadline);
	bool out = op->kind == CCO__WRITE || op->kind == CCO__SEND;
	for (;;) {
		ssize_t r = try_op(op);
		if (r != -EAGAIN && r != -EWOULDBLOCK)
			return r;
		r = wait_edge(ep, e, op->fd, out, deadline);
		if (r < 0)
			return r;
	}
}

static void ep_poll(cco_exec *ex, int64_t timeout_ns)
{
	struct ep *ep = ep_of(ex);
	if (timeout_ns == 0 && !ep->waiting)
		return;		/* no one to wake: spare the system call */
	struct timespec ts, *tp = NULL;
	if (timeout_ns >= 0) {
		ts.tv_sec = timeout_ns / CCO_SEC;
		ts.tv_nsec = timeout_ns % CCO_SEC;
		tp = &ts;
	}
	int n = epoll_pwait2(ep->epfd, ep->evs, 256, tp, NULL);
	for (int i = 0; i < n; i++) {
		int fd = ep->evs[i].data.fd;
		uint32_t ev = ep->evs[i].events;
		struct fdent *e = (size_t)fd < ep->nfds ? ep->fds[fd] : NULL;
		if (!e)
			continue;
		if (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
			cco__wake_all(&e->readers, 0);
		if (ev & (EPOLLOUT | EPOLLHUP | EPOLLERR))
			cco__wake_all(&e->writers, 0);
	}
}

static void ep_forget_fd(cco_exec *ex, int fd)
{
	struct ep *ep = ep_of(ex);
	if (fd < 0 || (size_t)fd >= ep->nfds || !ep->fds[fd])
		return;
	struct fdent *e = ep->fds[fd];
	cco__wake_all(&e->readers, -EBADF);
	cco__wake_all(&e->writers, -EBADF);
	if (e->registered)
		epoll_ctl(ep->epfd, EPOLL_CTL_DEL, fd, NULL);
	e->registered = e->prepared = false;
}

static bool ep_idle(cco_exec *ex)
{
	return !ep_of(ex)->waiting;
}

const struct cco__backend cco__epoll = {
	.name = "epoll",
	.init = ep_init,
	.fini = ep_fini,
	.poll = ep_poll,
	.io = ep_io,
	.forget_fd = ep_forget_fd,
	.idle = ep_idle,
};
