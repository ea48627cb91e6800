// cco's async mutex is a guard (try-acquired on 0) and cco_read suspends
// with the `returns` model: a cancelled read must not leave the lock held.
#include <cco.h>

struct conn {
	cco_mutex *mu;
	int fd;
	char buf[512];
};

int bad_return_on_error(struct conn *c)
{
	int rc = cco_mutex_lock(c->mu, -1);
	if (rc < 0)
		return rc;
	ssize_t n = cco_read(c->fd, c->buf, sizeof(c->buf), -1);
	if (n < 0)
		return (int)n;
	cco_mutex_unlock(c->mu);
	return 0;
}

int good_unlock_on_every_path(struct conn *c)
{
	int rc = cco_mutex_lock(c->mu, -1);
	if (rc < 0)
		return rc;
	ssize_t n = cco_read(c->fd, c->buf, sizeof(c->buf), -1);
	cco_mutex_unlock(c->mu);
	return n < 0 ? (int)n : 0;
}

int good_cleanup_variable(struct conn *c, int64_t deadline)
{
	int rc = cco_mutex_lock(c->mu, deadline);
	if (rc < 0)
		return rc;
	cco_mutex *held CCO_UNLOCK_ON_EXIT = c->mu;
	ssize_t n = cco_read(c->fd, c->buf, sizeof(c->buf), deadline);
	return n < 0 ? (int)n : 0;
}

// A semaphore unit is a guard too.
int bad_semaphore(cco_sem *s, int fd, char *buf)
{
	if (cco_sem_acquire(s, -1) < 0)
		return -ECANCELED;
	ssize_t n = cco_write(fd, buf, 16, -1);
	if (n < 0)
		return (int)n;
	cco_sem_release(s);
	return 0;
}

int good_semaphore_guard(cco_sem *s, int fd, char *buf)
{
	if (cco_sem_acquire(s, -1) < 0)
		return -ECANCELED;
	cco_sem *unit CCO_SEM_RELEASE_ON_EXIT = s;
	ssize_t n = cco_write(fd, buf, 16, -1);
	return n < 0 ? (int)n : 0;
}
