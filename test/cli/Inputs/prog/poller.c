/* The poller thread: main cancels it. This file names no cancellation
 * call: the posix model applies because the program cancels this thread. */
#include "dev.h"

static void poll_once(struct dev *d)
{
	dev_lock(d);
	dev_fill(d);
	dev_unlock(d);
}

void *poller(void *arg)
{
	struct dev *d = arg;
	struct conn *c = conn_new(d->fd);
	if (!c)
		return NULL;
	poll_once(d);
	conn_free(c);
	run_hooks(d);
	return NULL;
}
