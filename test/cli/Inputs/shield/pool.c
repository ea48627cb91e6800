/* Two identical constructors: the thread in app.c calls pool_new only
 * with cancellation disabled, pool_new_open with it enabled. Freeing on
 * the error path is a cancellation point (close). */
#include <stdlib.h>
#include <unistd.h>

struct pool { int fd[2]; };

void pool_free(struct pool *p)
{
	close(p->fd[0]);
	close(p->fd[1]);
	free(p);
}

struct pool *pool_new(void)
{
	struct pool *p = malloc(sizeof *p);
	if (!p)
		return NULL;
	if (pipe(p->fd)) {
		pool_free(p);
		return NULL;
	}
	return p;
}

struct pool *pool_new_open(void)
{
	struct pool *p = malloc(sizeof *p);
	if (!p)
		return NULL;
	if (pipe(p->fd)) {
		pool_free(p);
		return NULL;
	}
	return p;
}
