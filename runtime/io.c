/* I/O on file descriptors: the public calls, over the backend's one
 * operation entry point. */
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include "backend.h"

static ssize_t op(struct cco__op *o, int64_t deadline)
{
	int rc = cco__check(deadline);
	if (rc)
		return rc;
	return cco__ex->be->io(cco__ex, o, deadline);
}

ssize_t cco_read(int fd, void *buf, size_t len, int64_t deadline)
{
	struct cco__op o = { .kind = CCO__READ, .fd = fd, .buf = buf, .len = len };
	return op(&o, deadline);
}

ssize_t cco_write(int fd, const void *buf, size_t len, int64_t deadline)
{
	struct cco__op o = { .kind = CCO__WRITE, .fd = fd, .buf = (void *)buf, .len = len };
	return op(&o, deadline);
}

ssize_t cco_recv(int fd, void *buf, size_t len, int flags, int64_t deadline)
{
	struct cco__op o = { .kind = CCO__RECV, .fd = fd, .buf = buf, .len = len, .flags = flags };
	return op(&o, deadline);
}

ssize_t cco_send(int fd, const void *buf, size_t len, int flags, int64_t deadline)
{
	struct cco__op o = { .kind = CCO__SEND, .fd = fd, .buf = (void *)buf, .len = len,
			     .flags = flags | MSG_NOSIGNAL };
	return op(&o, deadline);
}

/* One write at a time, in user space (no MSG_WAITALL, no chains): partial
 * progress is always known and reported. */
int cco_write_all(int fd, const void *buf, size_t len, size_t *progress, int64_t deadline)
{
	size_t done = 0;
	int rc = 0;
	while (done < len) {
		ssize_t n = cco_write(fd, (const char *)buf + done, len - done, deadline);
		if (n < 0) {
			rc = (int)n;
			break;
		}
		if (n == 0) {
			rc = -EIO;
			break;
		}
		done += (size_t)n;
	}
	if (progress)
		*progress = done;
	return rc;
}

int cco_accept(int fd, struct sockaddr *addr, socklen_t *addrlen, int64_t deadline)
{
	struct cco__op o = { .kind = CCO__ACCEPT, .fd = fd, .addr = addr, .addrlen = addrlen,
			     .flags = SOCK_CLOEXEC };
	return (int)op(&o, deadline);
}

int cco_connect(int fd, const struct sockaddr *addr, socklen_t addrlen, int64_t deadline)
{
	struct cco__op o = { .kind = CCO__CONNECT, .fd = fd, .addr = (struct sockaddr *)addr,
			     .addrlen_in = addrlen };
	return (int)op(&o, deadline);
}

int cco_close(int fd)
{
	if (fd < 0)
		return -EBADF;
	if (cco__ex)
		cco__ex->be->forget_fd(cco__ex, fd);
	return close(fd) < 0 ? -errno : 0;
}
