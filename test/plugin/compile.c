// REQUIRES: plugin
// The plugin reports through clang's own diagnostics: the compile goes on
// and succeeds (an object file is written), findings are warnings with
// their notes, source lines and carets; a good function stays silent.
// RUN: rm -f %t.o
// RUN: %clang -c -O2 -std=gnu11 -pthread -fno-color-diagnostics -fplugin=%plugin %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning: --strict-whitespace
// RUN: test -s %t.o
// -fsyntax-only: the same findings.
// RUN: %clang -fsyntax-only -std=gnu11 -pthread -fno-color-diagnostics -fplugin=%plugin %s 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// -Werror: a finding fails the compile, as an error.
// RUN: not %clang -c -Werror -std=gnu11 -pthread -fno-color-diagnostics -fplugin=%plugin %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WERROR
// -w: nothing to say, and the compile succeeds.
// RUN: %clang -fsyntax-only -w -std=gnu11 -pthread -fplugin=%plugin %s 2>&1 | count 0
// Colours as clang's own: on when asked.
// RUN: %clang -fsyntax-only -fcolor-diagnostics -std=gnu11 -pthread -fplugin=%plugin %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=COLOR
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
	pthread_mutex_unlock(&q->mu);
	return n < 0;
}
// CHECK: compile.c:[[@LINE-4]]:14: warning: '&q->mu' is still held if 'write' is cancelled here [cancel-held-guard]
// CHECK-NEXT: {{^}}   [[@LINE-5]] |         ssize_t n = write(fd, &len, sizeof len);
// CHECK-NEXT: {{^}}      |                     ^
// CHECK-NEXT: compile.c:[[@LINE-9]]:2: note: '&q->mu' acquired here by 'pthread_mutex_lock'
// CHECK: compile.c:[[@LINE-8]]:14: note: fix: release it in a cleanup handler
// CHECK: 1 warning generated.
// WERROR: compile.c:[[@LINE-10]]:14: error: '&q->mu' is still held if 'write' is cancelled here [cancel-held-guard]
// WERROR: 1 error generated.
// COLOR: {{.\[0;1;35m}}warning: {{.*}}'&q->mu' is still held

int report_good(struct queue *q, int fd)
{
	pthread_mutex_lock(&q->mu);
	int len = q->len;
	pthread_mutex_unlock(&q->mu);
	return write(fd, &len, sizeof len) < 0;
}
