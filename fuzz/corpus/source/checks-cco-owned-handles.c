// What cco hands out is owned: an accepted fd, a scope, a channel. Each
// must be closed or handed on when a later suspending call is cancelled.
#include <cco.h>
#include <stdlib.h>

int bad_accepted_fd(int lfd, char *buf)
{
	int fd = cco_accept(lfd, NULL, NULL, -1);
	if (fd < 0)
		return fd;
	ssize_t n = cco_read(fd, buf, 64, -1);
	if (n < 0)
		return (int)n;
	return cco_close(fd);
}

int good_accepted_fd(int lfd, char *buf)
{
	int fd = cco_accept(lfd, NULL, NULL, -1);
	if (fd < 0)
		return fd;
	ssize_t n = cco_read(fd, buf, 64, -1);
	int rc = cco_close(fd);
	return n < 0 ? (int)n : rc;
}

int good_accepted_fd_guard(int lfd, char *buf)
{
	int fd CCO_CLOSE_ON_EXIT = cco_accept(lfd, NULL, NULL, -1);
	if (fd < 0)
		return fd;
	ssize_t n = cco_read(fd, buf, 64, -1);
	return n < 0 ? (int)n : 0;
}

static int64_t child(void *arg) { return 0; }

int bad_scope_left_open(void)
{
	cco_scope *s = cco_scope_open();
	if (!s)
		return -ENOMEM;
	if (cco_spawn(s, child, NULL, NULL) < 0)
		return cco_scope_close(s, -1);
	int rc = cco_sleep(cco_now() + CCO_MSEC);
	if (rc < 0)
		return rc;
	return cco_scope_close(s, -1);
}

int good_scope_closed(void)
{
	cco_scope *s = cco_scope_open();
	if (!s)
		return -ENOMEM;
	if (cco_spawn(s, child, NULL, NULL) < 0)
		return cco_scope_close(s, -1);
	int rc = cco_sleep(cco_now() + CCO_MSEC);
	int rc2 = cco_scope_close(s, -1);
	return rc < 0 ? rc : rc2;
}

static int64_t consumer(void *arg)
{
	free(arg);
	return 0;
}

// A spawned coroutine owns its argument from its first instruction.
int good_spawn_hands_over(cco_scope *s)
{
	char *m = malloc(10);
	if (!m)
		return -ENOMEM;
	if (cco_spawn(s, consumer, m, NULL) < 0) {
		free(m);
		return -ENOMEM;
	}
	return cco_sleep(cco_now() + CCO_MSEC);
}
