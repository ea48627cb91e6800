/* Helpers: no cancellation call is named in this file. */
#include <stdlib.h>
#include <unistd.h>
#include "dev.h"

void dev_lock(struct dev *d) { pthread_mutex_lock(&d->mu); }
void dev_unlock(struct dev *d) { pthread_mutex_unlock(&d->mu); }

int dev_fill(struct dev *d)
{
	return (int)read(d->fd, d->buf, sizeof d->buf);
}

struct conn *conn_new(int fd)
{
	struct conn *c = malloc(sizeof *c);
	if (c) {
		c->fd = fd;
		c->name = NULL;
	}
	return c;
}

void conn_free(struct conn *c) { free(c); }
