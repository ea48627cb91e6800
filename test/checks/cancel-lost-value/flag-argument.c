// A helper that reaches its cancellation point only for some values of a
// parameter ("close the descriptor too?") does not suspend when a caller
// passes a constant outside them; a caller that passes its own parameter
// through suspends only where that parameter allows it.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: %cancelcheck --dump-ir %s -- -pthread | FileCheck --check-prefix=IR %s
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

enum how { KEEP_FD, CLOSE_FD };
struct item { int fd; };

static void item_drop(struct item *it, enum how how)
{
	if (how == CLOSE_FD)
		close(it->fd);	/* the only cancellation point */
	free(it);
}

// Passes its own flag through: suspends only where 'how' may be CLOSE_FD.
static void items_drop(struct item *it, enum how how)
{
	item_drop(it, how);
// IR-LABEL: function items_drop
// IR: suspend cancel=unwinds if how pos [item_drop]
}

void *worker_good_1(void *arg)
{
	char *buf = malloc(64);
	struct item *it = calloc(1, sizeof *it);
	if (!buf || !it)
		return NULL;
	item_drop(it, KEEP_FD);
	free(buf);
	return arg;
}

void *worker_good_2(void *arg)
{
	char *buf = malloc(64);
	struct item *it = calloc(1, sizeof *it);
	if (!buf || !it)
		return NULL;
	items_drop(it, KEEP_FD);
	free(buf);
	return arg;
}

void *worker_bad_1(void *arg)
{
	char *buf = malloc(64);
	struct item *it = calloc(1, sizeof *it);
	if (!buf || !it)
		return NULL;
	item_drop(it, CLOSE_FD);
// CHECK: flag-argument.c:[[@LINE-1]]:2: warning: 'buf' is leaked if 'item_drop' is cancelled here [cancel-lost-value]
// CHECK: flag-argument.c:[[@LINE-2]]:2: warning: 'it' is lost if 'item_drop' is cancelled: it takes ownership and drops the value on cancellation [cancel-lost-value]
	free(buf);
	return arg;
}

void *worker_bad_2(void *arg)
{
	char *buf = malloc(64);
	struct item *it = calloc(1, sizeof *it);
	if (!buf || !it)
		return NULL;
	items_drop(it, CLOSE_FD);
// CHECK: flag-argument.c:[[@LINE-1]]:2: warning: 'buf' is leaked if 'items_drop' is cancelled here [cancel-lost-value]
// CHECK: flag-argument.c:[[@LINE-2]]:2: warning: 'it' is lost if 'items_drop' is cancelled: it takes ownership and drops the value on cancellation [cancel-lost-value]
	free(buf);
	return arg;
}

void stop(pthread_t t) { pthread_cancel(t); }
