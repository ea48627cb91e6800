// The fix note "a cleanup handler was popped before this call" is given
// only when the handler popped would have released what leaks; after the
// pop of a handler for something else, the note is the usual one.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>

void *stage_bad_1(void *arg)
{
	char *a = malloc(8);
	if (!a)
		return NULL;
	pthread_cleanup_push(free, a);
	pthread_testcancel();
	pthread_cleanup_pop(1);
	char *b = malloc(8);
	if (!b)
		return NULL;
	pthread_testcancel();
// CHECK: popped-other-cleanup.c:[[@LINE-1]]:2: warning: 'b' is leaked if 'pthread_testcancel' is cancelled here [cancel-lost-value]
// CHECK-NOT: was popped
// CHECK: note: fix: release it in a cleanup handler (pthread_cleanup_push), or before this call
	free(b);
	return arg;
}

void *stage_bad_2(void *arg)
{
	char *b = malloc(8);
	if (!b)
		return NULL;
	pthread_cleanup_push(free, b);
	pthread_testcancel();
	pthread_cleanup_pop(0);
	pthread_testcancel();
// CHECK: popped-other-cleanup.c:[[@LINE-1]]:2: warning: 'b' is leaked if 'pthread_testcancel' is cancelled here [cancel-lost-value]
// CHECK: note: fix: a cleanup handler was popped before this call; pop it after the value is released
	free(b);
	return arg;
}
