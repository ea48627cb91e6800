// Try-acquires: "acquire KEY [callee] -> RES if zero" holds the guard only
// on paths where RES is zero; the branch on RES follows. Guard keys are the
// argument as written (&m, &o->mu).
// RUN: %cancelcheck --dump-ir %s --model=posix | FileCheck %s

#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
struct obj { pthread_mutex_t mu; };

// CHECK-LABEL: function direct
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+8]]:7 acquire &m [pthread_mutex_trylock] -> %t[[T:[0-9]+]] if zero
// CHECK-NEXT:    branch %t[[T]] == 0 ? [[HELD:bb[0-9]+]] : [[OUT:bb[0-9]+]]
// CHECK-NEXT:  [[HELD]]:
// CHECK-NEXT:    [[@LINE+6]]:5 release &m [pthread_mutex_unlock]
// CHECK:         goto [[OUT]]
// CHECK-NEXT:  [[OUT]]:
// CHECK-NEXT:    return
void direct(void) {
  if (pthread_mutex_trylock(&m) == 0)
    pthread_mutex_unlock(&m);
}

// The result kept in a variable, tested later with != 0.
// CHECK-LABEL: function saved
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    acquire &o->mu [pthread_mutex_trylock] -> rc if zero
// CHECK-NEXT:    branch rc != 0 ? [[BUSY:bb[0-9]+]] : [[HELD:bb[0-9]+]]
// CHECK-NEXT:  [[BUSY]]:
// CHECK-NEXT:    return rc
// CHECK-NEXT:  [[HELD]]:
// CHECK-NEXT:    release &o->mu [pthread_mutex_unlock]
int saved(struct obj *o) {
  int rc = pthread_mutex_trylock(&o->mu);
  if (rc != 0)
    return rc;
  pthread_mutex_unlock(&o->mu);
  return 0;
}

// if (trylock(...)) tests the result against 0: nonzero is the busy path.
// CHECK-LABEL: function truthy
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    acquire &m [pthread_mutex_trylock] -> %t[[T:[0-9]+]] if zero
// CHECK-NEXT:    branch %t[[T]] != 0 ? [[BUSY:bb[0-9]+]] : [[HELD:bb[0-9]+]]
// CHECK-NEXT:  [[BUSY]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[HELD]]:
// CHECK-NEXT:    release &m [pthread_mutex_unlock]
void truthy(void) {
  if (pthread_mutex_trylock(&m))
    return;
  pthread_mutex_unlock(&m);
}

// Plain lock/unlock for comparison: unconditional acquire, no "if".
// CHECK-LABEL: function plain
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    acquire &o->mu [pthread_mutex_lock]{{$}}
// CHECK-NEXT:    kill %t{{[0-9]+}} [pthread_mutex_lock]
// CHECK-NEXT:    release &o->mu [pthread_mutex_unlock]{{$}}
void plain(struct obj *o) {
  pthread_mutex_lock(&o->mu);
  pthread_mutex_unlock(&o->mu);
}
