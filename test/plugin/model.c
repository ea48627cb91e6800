// REQUIRES: plugin
// -fplugin-arg-cancelcheck-model=posix-strict adds POSIX's "may occur"
// cancellation points, as --model=posix-strict does; without it a lock held
// across printf() is no finding.
// RUN: %clang -fsyntax-only -pthread -fno-color-diagnostics -fplugin=%plugin \
// RUN:   -fplugin-arg-cancelcheck-model=posix-strict %s 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %clang -fsyntax-only -pthread -fplugin=%plugin %s 2>&1 | count 0
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

void report_bad_1(int n)
{
	pthread_mutex_lock(&mu);
	printf("%d\n", n);
// CHECK: model.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'printf' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
}

void report_good_1(int n)
{
	pthread_mutex_lock(&mu);
	int v = n;
	pthread_mutex_unlock(&mu);
	printf("%d\n", v);
}
