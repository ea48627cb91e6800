// CCK_RETURNS_OWNED_IF(cond): the result is owned only when it meets cond:
// nonneg for descriptors (-1/-errno is no descriptor), nonzero for handles.
// CCK_CONSUMES(n) releases argument n.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

int sock_open(const char *addr) CCK_RETURNS_OWNED_IF(nonneg);
void sock_close(int fd) CCK_CONSUMES(1);
unsigned timer_arm(int64_t when) CCK_RETURNS_OWNED_IF(nonzero);
void timer_disarm(unsigned id) CCK_CONSUMES(1);
int sock_wait(int fd, int64_t deadline) CCK_SUSPENDS_RETURNS;

int dial_bad_1(const char *addr)
{
	int fd = sock_open(addr);
	if (fd < 0)
		return fd;
	int rc = sock_wait(fd, -1);
	if (rc < 0)
		return rc;
	return fd;
}

int dial_good_1(const char *addr)
{
	int fd = sock_open(addr);
	if (fd < 0)
		return fd;
	int rc = sock_wait(fd, -1);
	if (rc < 0) {
		sock_close(fd);
		return rc;
	}
	return fd;
}

// A failed open owns nothing: waiting on that branch loses nothing.
int dial_good_2(const char *addr)
{
	int fd = sock_open(addr);
	if (fd < 0)
		return sock_wait(-1, -1);
	sock_close(fd);
	return 0;
}

// Whatever the failure test, a descriptor is owned past it.
int dial_bad_3(const char *addr)
{
	int fd = sock_open(addr);
	if (fd == -1)
		return -1;
	int rc = sock_wait(fd, -1);
	if (rc < 0)
		return rc;
	sock_close(fd);
	return 0;
}

int arm_bad_4(int64_t when)
{
	unsigned t = timer_arm(when);
	if (!t)
		return -ENOMEM;
	int rc = sock_wait(3, -1);
	if (rc < 0)
		return rc;
	timer_disarm(t);
	return 0;
}

int arm_good_4(int64_t when)
{
	unsigned t = timer_arm(when);
	int rc = sock_wait(3, -1);
	if (t)
		timer_disarm(t);
	return rc;
}
