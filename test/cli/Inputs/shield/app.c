/* Both threads are cancelled by main; the first one builds its pool with
 * cancellation disabled. */
#include <pthread.h>
#include <stddef.h>

struct pool;
struct pool *pool_new(void);
struct pool *pool_new_open(void);
void pool_free(struct pool *p);

static pthread_t builder, opener;

static void *build(void *arg)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	struct pool *a = pool_new();
	if (a)
		pool_free(a);
	pthread_setcancelstate(old, NULL);
	return arg;
}

static void *open_one(void *arg)
{
	return pool_new_open();		/* the thread's result owns it */
}

int main(void)
{
	pthread_create(&builder, NULL, build, NULL);
	pthread_create(&opener, NULL, open_one, NULL);
	pthread_cancel(builder);
	pthread_cancel(opener);
	pthread_join(builder, NULL);
	return pthread_join(opener, NULL);
}
