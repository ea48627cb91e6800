/* TCP echo server on libuv: the peer that cco's echo server is compared
 * with in the runtime benchmark (bench/run_runtime.sh).
 *
 * Usage: echo_libuv PORT
 * Listens on 127.0.0.1:PORT, prints "ready" on stdout once listening, and
 * echoes every byte back until SIGTERM or SIGINT (exit 0).
 *
 * Written the way a libuv server is meant to be written, with nothing held
 * back: one uv_tcp_t per connection reading into its own buffer, and every
 * chunk written back with uv_try_write first. On loopback that write almost
 * always completes at once, so the common path makes no allocation and no
 * extra loop iteration. Whatever the socket does not take goes to uv_write
 * from a heap copy, in order, and reading pauses while that backlog is large
 * so a client that does not read cannot make us buffer without bound. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

/* The same per-connection buffer size as the other echo servers here. */
#define BUF_SIZE 16384
/* Stop reading a connection while this much echo is still unsent. */
#define HIGH_WATER (4 * BUF_SIZE)

struct conn {
	uv_tcp_t tcp;		/* first: the handle pointer is the conn */
	int paused;		/* reading stopped for backpressure */
	char buf[BUF_SIZE];
};

struct wreq {
	uv_write_t req;
	struct conn *c;
	char data[];
};

static void die(const char *what, int err)
{
	fprintf(stderr, "echo_libuv: %s: %s\n", what, uv_strerror(err));
	exit(1);
}

static void on_close(uv_handle_t *h)
{
	free(h);		/* struct conn starts with its handle */
}

static void conn_close(struct conn *c)
{
	if (!uv_is_closing((uv_handle_t *)&c->tcp))
		uv_close((uv_handle_t *)&c->tcp, on_close);
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
	struct conn *c = (struct conn *)h;

	/* One read at a time per connection, and the echo of a read is either
	 * written or copied before the next one: the buffer can be reused. */
	*buf = uv_buf_init(c->buf, sizeof(c->buf));
}

static void on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf);

static void on_write(uv_write_t *req, int status)
{
	struct wreq *w = (struct wreq *)req;
	struct conn *c = w->c;

	free(w);
	if (status < 0) {
		/* UV_ECANCELED comes from uv_close, which is already under way. */
		conn_close(c);
		return;
	}
	if (c->paused && c->tcp.write_queue_size < HIGH_WATER / 2) {
		c->paused = 0;
		if (uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read))
			conn_close(c);
	}
}

static void echo(struct conn *c, const char *p, size_t n)
{
	uv_stream_t *s = (uv_stream_t *)&c->tcp;
	uv_buf_t b = uv_buf_init((char *)p, n);
	struct wreq *w;
	int r;

	/* UV_EAGAIN also when earlier echo is still queued: order is kept. */
	r = uv_try_write(s, &b, 1);
	if (r == UV_EAGAIN)
		r = 0;
	if (r < 0) {
		conn_close(c);
		return;
	}
	if ((size_t)r == n)
		return;

	w = malloc(sizeof(*w) + n - r);
	if (!w) {
		conn_close(c);
		return;
	}
	w->c = c;
	memcpy(w->data, p + r, n - r);
	b = uv_buf_init(w->data, n - r);
	if (uv_write(&w->req, s, &b, 1, on_write)) {
		free(w);
		conn_close(c);
		return;
	}
	if (s->write_queue_size >= HIGH_WATER) {
		uv_read_stop(s);
		c->paused = 1;
	}
}

static void on_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
	struct conn *c = (struct conn *)s;

	if (nread > 0)
		echo(c, buf->base, nread);
	else if (nread < 0)	/* UV_EOF or an error: either way, done */
		conn_close(c);
}

static void on_connection(uv_stream_t *server, int status)
{
	struct conn *c;

	if (status < 0)
		return;		/* e.g. EMFILE: libuv retries on its own */
	c = malloc(sizeof(*c));
	if (!c)
		return;
	c->paused = 0;
	uv_tcp_init(server->loop, &c->tcp);
	if (uv_accept(server, (uv_stream_t *)&c->tcp)) {
		uv_close((uv_handle_t *)&c->tcp, on_close);
		return;
	}
	/* Ping-pong: a partial echo must not wait for the peer's ACK. */
	uv_tcp_nodelay(&c->tcp, 1);
	if (uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read))
		conn_close(c);
}

static void on_signal(uv_signal_t *sig, int signum)
{
	uv_stop(sig->loop);
}

int main(int argc, char **argv)
{
	uv_loop_t *loop = uv_default_loop();
	uv_signal_t sigterm, sigint;
	struct sockaddr_in addr;
	uv_tcp_t server;
	char *end;
	long port;
	int r;

	if (argc != 2) {
		fprintf(stderr, "usage: echo_libuv PORT\n");
		return 2;
	}
	port = strtol(argv[1], &end, 10);
	if (*argv[1] == '\0' || *end != '\0' || port < 1 || port > 65535) {
		fprintf(stderr, "echo_libuv: bad port '%s'\n", argv[1]);
		return 2;
	}
	/* A peer that resets mid-write must cost an error, not the process. */
	signal(SIGPIPE, SIG_IGN);

	uv_signal_init(loop, &sigterm);
	uv_signal_start(&sigterm, on_signal, SIGTERM);
	uv_signal_init(loop, &sigint);
	uv_signal_start(&sigint, on_signal, SIGINT);

	uv_ip4_addr("127.0.0.1", (int)port, &addr);
	uv_tcp_init(loop, &server);
	/* uv_tcp_bind sets SO_REUSEADDR itself. */
	r = uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
	if (r)
		die("bind", r);
	r = uv_listen((uv_stream_t *)&server, 1024, on_connection);
	if (r)
		die("listen", r);

	printf("ready\n");
	fflush(stdout);

	uv_run(loop, UV_RUN_DEFAULT);
	return 0;
}
