// REQUIRES: plugin
// Findings follow clang's diagnostic formats like clang's own warnings: in
// SARIF they are results at warning level with their location; a format
// clang-19 does not know (GCC's "json") is refused the same way with or
// without the plugin. A TU that does not compile gets clang's errors only.
// RUN: %clang -fsyntax-only -pthread -fdiagnostics-format=sarif -fplugin=%plugin %s 2>&1 \
// RUN:   | grep '^{' | python3 %S/Inputs/sarif_results.py | FileCheck %s --check-prefix=SARIF
// RUN: not %clang -fsyntax-only -fdiagnostics-format=json %s 2>%t.plain
// RUN: not %clang -fsyntax-only -fdiagnostics-format=json -fplugin=%plugin %s 2>%t.plugin
// RUN: diff %t.plain %t.plugin
// RUN: not %clang -fsyntax-only -pthread -DBROKEN -fno-color-diagnostics -fplugin=%plugin %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BROKEN --implicit-check-not=warning:
// BROKEN: error: use of undeclared identifier 'nope'
// BROKEN: 1 error generated.
#include <pthread.h>
#include <unistd.h>

struct queue {
	pthread_mutex_t mu;
	int len;
};

void stop(pthread_t t) { pthread_cancel(t); }

int report_bad(struct queue *q, int fd)
{
	pthread_mutex_lock(&q->mu);
	int len = q->len;
	ssize_t n = write(fd, &len, sizeof len);
// SARIF: warning formats.c:[[@LINE-1]]:14 '&q->mu' is still held if 'write' is cancelled here [cancel-held-guard]
// SARIF-NEXT: note formats.c:[[@LINE-4]]:2 '&q->mu' acquired here by 'pthread_mutex_lock'
	pthread_mutex_unlock(&q->mu);
#ifdef BROKEN
	return nope;
#endif
	return n < 0;
}
