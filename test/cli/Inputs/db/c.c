/* Database entry c: findings only when compiled with -DHOLD (the database
 * passes it), a guard held across sleep() on line 11. */
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mc = PTHREAD_MUTEX_INITIALIZER;

void held_c(void)
{
	pthread_mutex_lock(&mc);
#ifdef HOLD
	sleep(1);
#endif
	pthread_mutex_unlock(&mc);
}

void stop_c(pthread_t t) { pthread_cancel(t); }
