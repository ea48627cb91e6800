// A value given to a helper that loses it when cancelled is not lost if a
// cleanup handler registered around the call releases it: under POSIX
// cancellation the handler runs on that edge.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct queue { char *items[8]; int n; };

// Waits for room, then stores the item: lost if cancelled while waiting.
static void queue_put(struct queue *q, char *item)
{
	while (q->n == 8)
		usleep(100);
	q->items[q->n++] = item;
}

void *producer_good_1(void *arg)
{
	char *str = strdup("job");
	if (!str)
		return NULL;
	pthread_cleanup_push(free, str);
	queue_put(arg, str);
	pthread_cleanup_pop(0);
	return NULL;
}

// The handler releases something else.
void *producer_bad_1(void *arg)
{
	char *str = strdup("job");
	char *other = strdup("other");
	if (!str || !other)
		return NULL;
	pthread_cleanup_push(free, other);
	queue_put(arg, str);
// CHECK: taker-inside-cleanup-handler.c:[[@LINE-1]]:2: warning: 'str' is lost if 'queue_put' is cancelled: it takes ownership and drops the value on cancellation [cancel-lost-value]
// CHECK: note: 'str' obtained here from 'strdup'
// CHECK: note: fix: register a cleanup handler that releases it around this call
	pthread_cleanup_pop(1);
	return NULL;
}

// No handler at all.
void *producer_bad_2(void *arg)
{
	char *str = strdup("job");
	if (!str)
		return NULL;
	queue_put(arg, str);
// CHECK: taker-inside-cleanup-handler.c:[[@LINE-1]]:2: warning: 'str' is lost if 'queue_put' is cancelled: it takes ownership and drops the value on cancellation [cancel-lost-value]
	return NULL;
}
