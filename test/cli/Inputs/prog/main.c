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
	pthread_t t;
	if (pthread_create(&t, NULL, poller, &the_dev))
		return 1;
	report(&the_dev);
	pthread_cancel(t);
	pthread_join(t, NULL);
	return 0;
}
