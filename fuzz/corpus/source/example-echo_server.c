/* A TCP echo server on cco: one coroutine per connection, all of them in
 * one scope, stopped by cancelling that scope.
 *
 * Usage: echo_server [PORT]		(default 7007)
 * Listens on 127.0.0.1:PORT, prints "ready" on stdout once listening, and
 * echoes every byte back until SIGINT or SIGTERM, then exits 0.
 *
 * Shutdown is cancellation, not a flag: a coroutine reads the signals from
 * a signalfd and cancels the server's scope. Every coroutine in it gets
 * -ECANCELED from the call it is suspended in (recv, write, accept), and
 * closes what it owns on that branch like on any other.
 *
 * The per-message path is one cco_recv and one cco_write_all into and
 * from a buffer on the coroutine's stack: this is also the server of the
 * runtime benchmark. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cco.h>

#define DEFAULT_PORT 7007
/* The same per-connection buffer size as the benchmark's other servers. */
#define BUF_SIZE 16384

struct server {
	int listen_fd;
	int signal_fd;
	cco_scope *scope;	/* the acceptor and the signal watcher */
	unsigned long conns;	/* connections accepted */
	int error;		/* why the server stopped, if not a signal */
};

static struct server srv = { .listen_fd = -1, .signal_fd = -1 };

/* One connection: echo until EOF, an error or cancellation. The coroutine
 * owns fd from its first instruction and closes it on every path. */
static int64_t echo_conn(void *arg)
{
	int fd = (int)(intptr_t)arg;
	char buf[BUF_SIZE];
	int64_t rc;

	for (;;) {
		ssize_t n = cco_recv(fd, buf, sizeof(buf), 0, -1);
		if (n <= 0) {
			rc = n;		/* 0 at EOF, -ECANCELED at shutdown */
			break;
		}
		/* An echo cut short by cancellation needs no accounting: the
		 * peer is going away with the server. */
		size_t sent;
		rc = cco_write_all(fd, buf, (size_t)n, &sent, -1);
		if (rc < 0)
			break;
	}
	(void)cco_close(fd);
	return rc;
}

/* Gives a new connection its coroutine, or closes it. */
static void start_conn(cco_scope *conns, int fd)
{
	int one = 1;

	/* Ping-pong: a partial echo must not wait for the peer's ACK. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (cco_spawn(conns, echo_conn, (void *)(intptr_t)fd, NULL) < 0) {
		(void)cco_close(fd);	/* -ENOMEM: the fd is still ours */
		return;
	}
	srv.conns++;
}

/* Accepts until cancelled. The connections live in a scope the acceptor
 * opens, so cancelling the acceptor cancels them too, and closing that
 * scope waits for each of them to close its fd. */
static int64_t acceptor(void *arg)
{
	cco_scope *conns = cco_scope_open();
	int rc;

	if (!conns)
		return -ENOMEM;
	for (;;) {
		rc = cco_accept(srv.listen_fd, NULL, NULL, -1);
		if (rc >= 0) {
			start_conn(conns, rc);
			continue;
		}
		if (rc == -ECANCELED || rc == -ETIMEDOUT)
			break;
		if (rc == -EMFILE || rc == -ENFILE || rc == -ENOBUFS || rc == -ENOMEM) {
			/* out of descriptors or memory: let connections end */
			rc = cco_sleep(cco_now() + 10 * CCO_MSEC);
			if (rc < 0)
				break;
			continue;
		}
		if (rc != -ECONNABORTED && rc != -EINTR && rc != -EPROTO) {
			fprintf(stderr, "echo_server: accept: %s\n", strerror(-rc));
			srv.error = rc;
			cco_scope_cancel(srv.scope);	/* stop the whole server */
			break;
		}
	}
	/* Cancelled: they are cancelled already. Failed: cancel them. */
	cco_scope_cancel(conns);
	(void)cco_scope_close(conns, -1);
	return rc == -ECANCELED ? 0 : rc;
}

/* Waits for SIGINT or SIGTERM and cancels the server's scope (itself
 * included: it is done). */
static int64_t signal_watcher(void *arg)
{
	struct signalfd_siginfo si;
	ssize_t n = cco_read(srv.signal_fd, &si, sizeof(si), -1);

	if (n == -ECANCELED)
		return 0;	/* the server stops for another reason */
	if (n == (ssize_t)sizeof(si))
		fprintf(stderr, "echo_server: %s, stopping\n", strsignal((int)si.ssi_signo));
	else
		fprintf(stderr, "echo_server: signalfd: %s, stopping\n",
			n < 0 ? strerror((int)-n) : "short read");
	cco_scope_cancel(srv.scope);
	return 0;
}

static int64_t serve(void *arg)
{
	int64_t rc = 0;

	srv.scope = cco_scope_open();
	if (!srv.scope) {
		rc = -ENOMEM;
		goto out;
	}
	if (cco_spawn(srv.scope, signal_watcher, NULL, NULL) < 0 ||
	    cco_spawn(srv.scope, acceptor, NULL, NULL) < 0) {
		rc = -ENOMEM;
		cco_scope_cancel(srv.scope);
	}
	(void)cco_scope_close(srv.scope, -1);
	srv.scope = NULL;
	if (!rc)
		rc = srv.error;
out:
	(void)cco_close(srv.listen_fd);
	(void)cco_close(srv.signal_fd);
	return rc;
}

static int listen_on(long port)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_port = htons((uint16_t)port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int fd, one = 1;

	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 || listen(fd, 1024) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* SIGINT and SIGTERM blocked and read from a signalfd: they arrive as
 * data, in a coroutine, instead of interrupting whatever runs. */
static int signals_fd(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -1;
	return signalfd(-1, &set, SFD_CLOEXEC);
}

int main(int argc, char **argv)
{
	long port = DEFAULT_PORT;
	cco_exec *ex;
	int64_t result = 0;
	char *end;
	int rc;

	if (argc > 2) {
		fprintf(stderr, "usage: echo_server [PORT]\n");
		return 2;
	}
	if (argc == 2) {
		port = strtol(argv[1], &end, 10);
		if (*argv[1] == '\0' || *end != '\0' || port < 1 || port > 65535) {
			fprintf(stderr, "echo_server: bad port '%s'\n", argv[1]);
			return 2;
		}
	}
	/* A peer that resets mid-write must cost an error, not the process. */
	signal(SIGPIPE, SIG_IGN);

	srv.signal_fd = signals_fd();
	if (srv.signal_fd < 0) {
		perror("echo_server: signalfd");
		return 1;
	}
	srv.listen_fd = listen_on(port);
	if (srv.listen_fd < 0) {
		fprintf(stderr, "echo_server: listen on 127.0.0.1:%ld: %s\n", port,
			strerror(errno));
		return 1;
	}
	rc = cco_exec_init(&ex, NULL);
	if (rc < 0) {
		fprintf(stderr, "echo_server: executor: %s\n", strerror(-rc));
		return 1;
	}
	fprintf(stderr, "echo_server: listening on 127.0.0.1:%ld (%s)\n", port,
		cco_exec_backend(ex));
	printf("ready\n");
	fflush(stdout);

	rc = cco_exec_run(ex, serve, NULL, &result);
	cco_exec_free(ex);
	if (rc < 0 || result < 0) {
		fprintf(stderr, "echo_server: %s\n", strerror(rc < 0 ? -rc : (int)-result));
		return 1;
	}
	fprintf(stderr, "echo_server: stopped after %lu connections\n", srv.conns);
	return 0;
}
