// One message written in two steps with a suspend point between them: if
// the coroutine is cancelled there, the peer has "HELLO" without "WORLD",
// and the connection goes on carrying the next message after the half.
// RUN: not %cancelcheck --checks='-*,cancel-split-write' %s -- -I%srcroot/include \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <cco.h>
#include <errno.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

int write_two_steps(int fd, int64_t deadline)
{
	if (cco_write(fd, "HELLO", 5, deadline) < 0)
		return -1;
	if (cco_write(fd, "WORLD", 5, deadline) < 0)
// CHECK: cco.c:[[@LINE-1]]:6: warning: the message to 'fd' is cut if 'cco_write' is cancelled here: part of it is written and the stream stays open [cancel-split-write]
// CHECK: cco.c:[[@LINE-4]]:6: note: its first part is written here by 'cco_write'
		return -1;
	return 0;
}

// One write of the assembled message: atomic at the protocol level.
int write_message(int fd, int64_t deadline)
{
	static const char msg[] = "HELLOWORLD";
	return cco_write(fd, msg, sizeof msg - 1, deadline) < 0 ? -1 : 0;
}

// A suspend point between the header and the body cuts the message too.
int header_then_body(int fd, const char *body, size_t n, int64_t deadline)
{
	char hdr[16];
	int len = (int)n;
	memcpy(hdr, &len, sizeof len);
	if (cco_write(fd, hdr, sizeof len, deadline) < 0)
		return -1;
	if (cco_sleep(deadline) < 0)
// CHECK: cco.c:[[@LINE-1]]:6: warning: the message to 'fd' is cut if 'cco_sleep' is cancelled here
		return -1;
	return cco_write(fd, body, n, deadline) < 0 ? -1 : 0;
// CHECK: cco.c:[[@LINE-1]]:9: warning: the message to 'fd' is cut if 'cco_write' is cancelled here
}

// The cancel path closes the stream: nobody reads the half as a whole.
int two_steps_close(int fd, int64_t deadline)
{
	if (cco_write(fd, "HELLO", 5, deadline) < 0) {
		cco_close(fd);
		return -1;
	}
	if (cco_write(fd, "WORLD", 5, deadline) < 0) {
		cco_close(fd);
		return -1;
	}
	return 0;
}

// Marked broken on the cancel path: the pool drops it instead of reusing.
struct pconn { int fd; int broken; };

int two_steps_mark(struct pconn *c, int64_t deadline)
{
	if (cco_write(c->fd, "HELLO", 5, deadline) < 0)
		return -1;
	if (cco_write(c->fd, "WORLD", 5, deadline) < 0) {
		c->broken = 1;
		return -1;
	}
	return 0;
}

// Shielded: the two writes cannot be cancelled in between.
int two_steps_shielded(int fd, int64_t deadline)
{
	int rc = 0;
	cco_shield_begin();
	if (cco_write(fd, "HELLO", 5, deadline) < 0 || cco_write(fd, "WORLD", 5, deadline) < 0)
		rc = -1;
	cco_shield_end();
	return rc;
}

// Progress kept by the caller: it can resume where the message stopped.
int resumable(int fd, const char *a, size_t an, const char *b, size_t bn,
	      size_t *done, int64_t deadline)
{
	int rc = cco_write_all(fd, a, an, done, deadline);
	if (rc < 0)
		return rc;
	*done = 0;
	return cco_write_all(fd, b, bn, done, deadline);
}

// No progress pointer (NULL): nothing to resume from.
int unresumable(int fd, int64_t deadline)
{
	if (cco_write_all(fd, "HELLO", 5, NULL, deadline) < 0)
		return -1;
	return cco_write_all(fd, "WORLD", 5, NULL, deadline);
// CHECK: cco.c:[[@LINE-1]]:9: warning: the message to 'fd' is cut if 'cco_write_all' is cancelled here
}

// A suspend after the whole message: nothing is cut.
int then_wait(int fd, int64_t deadline)
{
	if (cco_write(fd, "HELLO", 5, deadline) < 0 || cco_write(fd, "WORLD", 5, deadline) < 0)
// CHECK: cco.c:[[@LINE-1]]:49: warning: the message to 'fd' is cut if 'cco_write' is cancelled here
		return -1;
	return cco_sleep(deadline);
}

// A static coroutine body has no caller to hand the cut message to: it is
// reported where it writes.
struct job { int fd; int64_t deadline; };

static int64_t greeter(void *arg)
{
	struct job *job = arg;
	if (cco_write(job->fd, "HELLO", 5, job->deadline) < 0)
		return -EIO;
	if (cco_write(job->fd, "WORLD", 5, job->deadline) < 0)
// CHECK: cco.c:[[@LINE-1]]:6: warning: the message to 'job->fd' is cut if 'cco_write' is cancelled here
		return -EIO;
	return 0;
}

int start_greeter(cco_scope *s, struct job *j)
{
	return cco_spawn(s, greeter, j, NULL);
}

// One message per pass of a loop: each is whole.
int stream_lines(int fd, char **lines, int n, int64_t deadline)
{
	for (int i = 0; i < n; i++) {
		if (cco_sleep(deadline) < 0)
			return -1;
		if (cco_write(fd, lines[i], strlen(lines[i]), deadline) < 0)
			return -1;
	}
	return 0;
}

// Different streams: each gets a whole message.
int fan_out(int a, int b, int64_t deadline)
{
	if (cco_write(a, "PING", 4, deadline) < 0)
		return -1;
	return cco_write(b, "PING", 4, deadline) < 0 ? -1 : 0;
}

// A helper that writes twice; the caller gets the half message when it is
// cancelled and hands the connection back to a pool, still open.
struct conn { int fd; };
void pool_put(struct conn *c);

static int send_frame(struct conn *c, const char *payload, size_t n, int64_t deadline)
{
	uint32_t len = (uint32_t)n;
	if (cco_write(c->fd, &len, sizeof len, deadline) < 0)
		return -1;
	return cco_write(c->fd, payload, n, deadline) < 0 ? -1 : 0;
}

int request_bad(struct conn *c, int64_t deadline)
{
	int rc = send_frame(c, "GET", 3, deadline);
// CHECK: cco.c:[[@LINE-1]]:11: warning: the message to 'c->fd' is cut if 'send_frame' is cancelled here: part of it is written and the stream stays open [cancel-split-write]
	pool_put(c);
	return rc;
}

// The caller closes the connection when the frame did not go out whole.
int request_good(struct conn *c, int64_t deadline)
{
	int rc = send_frame(c, "GET", 3, deadline);
	if (rc < 0) {
		cco_close(c->fd);
		return rc;
	}
	pool_put(c);
	return 0;
}
