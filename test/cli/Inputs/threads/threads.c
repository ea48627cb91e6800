/* Which threads a program cancels, by their handles. main cancels only
 * the thread in "ctl.thread" (a member of struct ctl); the thread in its
 * local "thread" and the helper the worker starts are only joined. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct ctl { pthread_t thread; };

static void *helper(void *arg)		/* started and joined by worker */
{
	char *buf = malloc(64);
	usleep(1000);
	free(buf);
	return arg;
}

static void *worker(void *arg)		/* in ctl.thread: cancelled */
{
	char *buf = malloc(64);
	pthread_t h;
	if (pthread_create(&h, NULL, helper, arg) == 0)
		pthread_join(h, NULL);
	free(buf);
	return arg;
}

static void *once(void *arg)		/* in main's local: joined */
{
	char *buf = malloc(64);
	usleep(1000);
	free(buf);
	return arg;
}

int main(void)
{
	pthread_t thread;
	struct ctl ctl;
	pthread_create(&thread, NULL, once, NULL);
	pthread_join(thread, NULL);
	pthread_create(&ctl.thread, NULL, worker, NULL);
	pthread_cancel(ctl.thread);
	return pthread_join(ctl.thread, NULL);
}
// STOP-HERE
