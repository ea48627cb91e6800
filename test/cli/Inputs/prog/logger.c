/* The logger thread is started but never cancelled (main cancels only the
 * poller's handle): its lock across a read is no finding. The poller runs
 * the hooks of a static table: they run on a cancelled thread. */
#include "dev.h"

static struct dev log_dev = { PTHREAD_MUTEX_INITIALIZER, 2, "" };

void *logger(void *arg)
{
	dev_lock(&log_dev);
	dev_fill(&log_dev);
	dev_unlock(&log_dev);
	return arg;
}

static void hook_flush(struct dev *d)
{
	dev_lock(d);
	dev_fill(d);
	dev_unlock(d);
}

static void (*const hooks[])(struct dev *) = { hook_flush };

void run_hooks(struct dev *d)
{
	hooks[0](d);
}
