// Variables with __attribute__((cleanup(fn))): a cleanup-push fn(&var) at
// the declaration; at every exit from the scope (return, falling off the
// end) cleanup-pop and fn's effects, innermost variable first. Without
// -fexceptions the handler does not run on a POSIX cancel edge
// ("normal-exit-only"); with -fexceptions it does.
// RUN: %cancelcheck --dump-ir %s -- -fno-exceptions | FileCheck --check-prefixes=CHECK,NOEXC %s
// RUN: %cancelcheck --dump-ir %s -- -fexceptions | FileCheck --check-prefixes=CHECK,EXC %s

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_pp(pthread_mutex_t **p) { pthread_mutex_unlock(*p); }
static void free_pp(char **p) { free(*p); }

// CHECK-LABEL: function scoped
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill g
// CHECK-NEXT:    [[@LINE+24]]:3 acquire g [pthread_mutex_lock]
// CHECK-NEXT:    kill %t{{[0-9]+}} [pthread_mutex_lock]
// NOEXC-NEXT:    [[@LINE+20]]:20 cleanup-push unlock_pp(&g) normal-exit-only
// EXC-NEXT:      [[@LINE+19]]:20 cleanup-push unlock_pp(&g){{$}}
// CHECK-NEXT:    [[@LINE+20]]:49 own [malloc] -> buf if nonzero
// NOEXC-NEXT:    [[@LINE+19]]:9 cleanup-push free_pp(&buf) normal-exit-only
// EXC-NEXT:      [[@LINE+18]]:9 cleanup-push free_pp(&buf){{$}}
// CHECK-NEXT:    [[@LINE+18]]:3 suspend cancel=unwinds [read]
// CHECK-NEXT:    branch fd == 3 ? [[EARLY:bb[0-9]+]] : [[REST:bb[0-9]+]]
// CHECK-NEXT:  [[EARLY]]:
// CHECK-NEXT:    [[@LINE+16]]:5 cleanup-pop
// CHECK-NEXT:    [[@LINE+15]]:5 consume buf by call [free_pp]
// CHECK-NEXT:    [[@LINE+14]]:5 cleanup-pop
// CHECK-NEXT:    [[@LINE+13]]:5 release g [unlock_pp]
// CHECK-NEXT:    return
// CHECK-NEXT:  [[REST]]:
// CHECK-NEXT:    suspend cancel=unwinds [read]
// CHECK-NEXT:    cleanup-pop
// CHECK-NEXT:    consume buf by call [free_pp]
// CHECK-NEXT:    cleanup-pop
// CHECK-NEXT:    release g [unlock_pp]
// CHECK-NEXT:    return
void scoped(int fd) {
  pthread_mutex_t *g __attribute__((cleanup(unlock_pp))) = &m;
  pthread_mutex_lock(g);
  char *buf __attribute__((cleanup(free_pp))) = malloc(4);
  read(fd, buf, 4);
  if (fd == 3)
    return;
  read(fd, buf, 4);
}

// The cleanup runs when its own block is left, not at the function's end.
// CHECK-LABEL: function inner_scope
// CHECK:         cleanup-push free_pp(&p)
// CHECK-NEXT:    cleanup-pop
// CHECK-NEXT:    consume p by call [free_pp]
// CHECK-NEXT:    [[@LINE+6]]:3 suspend cancel=unwinds [read]
// CHECK-NEXT:    return
void inner_scope(int fd, char *out) {
  {
    char *p __attribute__((cleanup(free_pp))) = malloc(4);
  }
  read(fd, out, 1);
}

void stop(pthread_t t) { pthread_cancel(t); }
