// REQUIRES: plugin
// The plugin skips a TU in which no call can suspend (no cancel edge, so
// no finding), without writing or analyzing it. Whatever makes a call
// suspend must keep the TU in: a cancellation point called only from a
// header's inline helper, a role given by the config, an annotation on a
// declaration. And a TU where
// nothing suspends says so with verbose, and finds nothing, as the command
// line finds nothing.
// RUN: %clang -fsyntax-only -pthread -fno-color-diagnostics -fplugin=%plugin -I%S/Inputs/gate \
// RUN:   -I%annotations -DHEADER %s 2>&1 | FileCheck %s --check-prefix=HEADER --implicit-check-not=warning:
// RUN: %clang -fsyntax-only -pthread -fno-color-diagnostics -fplugin=%plugin -I%annotations \
// RUN:   -fplugin-arg-cancelcheck-config=%S/Inputs/gate/config.yaml -DCONFIG %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CONFIG --implicit-check-not=warning:
// RUN: %clang -fsyntax-only -pthread -fno-color-diagnostics -fplugin=%plugin -I%annotations \
// RUN:   -DANNOTATED %s 2>&1 | FileCheck %s --check-prefix=ANNOTATED --implicit-check-not=warning:
// RUN: %clang -fsyntax-only -pthread -fno-color-diagnostics -fplugin=%plugin -I%annotations \
// RUN:   -fplugin-arg-cancelcheck-verbose %s 2>&1 | FileCheck %s --check-prefix=NONE --implicit-check-not=warning:
// RUN: %cancelcheck %s -- -pthread -I%annotations | count 0
// NONE: cancelcheck: note: no call in this file can suspend: nothing to analyze
#include <stdint.h>
#include <cancelcheck/annotations.h>

void lock_it(void *m) CCK_ACQUIRES(1);
void unlock_it(void *m) CCK_RELEASES(1);

#ifdef HEADER
#include "helpers.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

int report(int fd, int v)
{
	pthread_mutex_lock(&mu);
	ssize_t n = put_int(fd, v);
// HEADER: gate.c:[[@LINE-1]]:14: warning: '&mu' is still held if 'put_int' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
	return n < 0;
}
#endif

#ifdef CONFIG
int q_wait(void *m);

int configured(void *m)
{
	lock_it(m);
	int rc = q_wait(m);
// CONFIG: gate.c:[[@LINE-1]]:11: warning: 'm' is still held if 'q_wait' is cancelled here [cancel-held-guard]
	unlock_it(m);
	return rc;
}
#endif

#ifdef ANNOTATED
int ev_wait(int64_t deadline) CCK_SUSPENDS_UNWINDS;

int annotated(void *m)
{
	lock_it(m);
	int rc = ev_wait(-1);
// ANNOTATED: gate.c:[[@LINE-1]]:11: warning: 'm' is still held if 'ev_wait' is cancelled here [cancel-held-guard]
	unlock_it(m);
	return rc;
}
#endif

// Nothing here can suspend.
int quiet(void *m, int *x)
{
	lock_it(m);
	*x += 1;
	unlock_it(m);
	return *x;
}
