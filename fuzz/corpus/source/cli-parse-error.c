/* Does not compile: an undeclared identifier on line 5. */
#include <pthread.h>
int broken(void)
{
	return undeclared_thing + 1;
}
void stop(pthread_t t) { pthread_cancel(t); }
