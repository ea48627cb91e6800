/* main starts the poller and cancels it; report() runs only on main. */
#include <stdio.h>
#include "dev.h"

static struct dev the_dev = { PTHREAD_MUTEX_INITIALIZER, 0, "" };

void report(struct dev *d)
{
	dev_lock(d);
	dev_fill(d);
	dev_unlock(d);
}

int main(void)
{
	pthread_t pollers[1], log_thread;
	int n = 1;
	if (pthread_create(&pollers[0], NULL, poller, &the_dev))
		return 1;
	if (pthread_create(&log_thread, NULL, logger, NULL))
		return 1;
	report(&the_dev);
	pthread_cancel(pollers[n - 1]);
	pthread_join(pollers[0], NULL);
	return 0;
}
