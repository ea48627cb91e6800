// Calls to functions defined in the same TU are resolved through their
// summaries: a helper that (transitively) reaches a cancellation point is
// a suspend at the call, helpers that lock/unlock are acquire/release with
// their guard key rewritten for the caller's argument, a helper returning
// malloc's result owns, one that frees consumes.
// RUN: %cancelcheck --dump-ir --model=posix %s | FileCheck %s

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct q { pthread_mutex_t mu; };

static int wait_data(int fd) { char b; return read(fd, &b, 1); }
static int wait_twice(int fd) { return wait_data(fd) + wait_data(fd); }
static void q_lock(struct q *q) { pthread_mutex_lock(&q->mu); }
static void q_unlock(struct q *q) { pthread_mutex_unlock(&q->mu); }
static char *make(void) { return malloc(3); }
static void drop(char *p) { free(p); }
static int twice(int x) { return x * 2; }

// CHECK-LABEL: function wait_twice
// CHECK-NEXT:  bb0:
// CHECK-NEXT: block via read [wait_data]
// CHECK-NEXT:    suspend cancel=unwinds [wait_data]
// CHECK-NEXT: block via read [wait_data]
// CHECK-NEXT:    suspend cancel=unwinds [wait_data]

// CHECK-LABEL: function caller
// CHECK-NEXT:  bb0:
// CHECK-NEXT: block via read [wait_twice]
// CHECK-NEXT:    [[@LINE+15]]:3 suspend cancel=unwinds [wait_twice] -> %t{{[0-9]+}}
// CHECK-NEXT:    [[@LINE+15]]:3 acquire &box->mu [q_lock]
// CHECK-NEXT:    kill %t{{[0-9]+}} [q_lock]
// CHECK-NEXT:    [[@LINE+14]]:3 release &box->mu [q_unlock]
// CHECK-NEXT:    kill %t{{[0-9]+}} [q_unlock]
// CHECK-NEXT:    [[@LINE+13]]:13 own [make] -> p if nonzero
// CHECK-NEXT:    [[@LINE+13]]:3 consume p by call [drop]
// CHECK-NEXT:    kill %t{{[0-9]+}} [drop]
// A helper that does nothing of interest is not a suspend, guard or owner.
// CHECK-NOT:     suspend
// CHECK-NOT:     acquire
// CHECK-NOT:     own
// CHECK:         kill r [twice]
// CHECK-NEXT:    return r
int caller(struct q *box, int fd) {
  wait_twice(fd);
  q_lock(box);
  q_unlock(box);
  char *p = make();
  drop(p);
  int r = twice(fd);
  return r;
}
