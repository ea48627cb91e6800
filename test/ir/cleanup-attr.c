// Variables with __attribute__((cleanup(fn))): a cleanup-push fn(&var) at
// the declaration; at every exit from the scope (return, falling off the
// end, leaving an inner block) cleanup-pop and fn's effects, innermost
// variable first. Without -fexceptions the handler does not run on a POSIX
// cancel edge ("normal-exit-only"); with -fexceptions it does.
// (A lock guard held through a pointer variable: cleanup-attr-guard.c.)
// RUN: %cancelcheck --dump-ir %s -- -fno-exceptions | FileCheck --check-prefixes=CHECK,NOEXC %s
// RUN: %cancelcheck --dump-ir %s -- -fexceptions | FileCheck --check-prefixes=CHECK,EXC %s

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void free_pp(char **p) { free(*p); }
static void close_p(int *fd) { close(*fd); }

// CHECK-LABEL: function scoped
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+25]]:46 suspend cancel=unwinds [open] -> fd
// CHECK-NEXT:    [[@LINE+24]]:46 own [open] -> fd if nonneg
// NOEXC-NEXT:    [[@LINE+23]]:7 cleanup-push close_p(&fd) normal-exit-only
// EXC-NEXT:      [[@LINE+22]]:7 cleanup-push close_p(&fd){{$}}
// CHECK-NEXT:    [[@LINE+22]]:49 own [malloc] -> buf if nonzero
// NOEXC-NEXT:    [[@LINE+21]]:9 cleanup-push free_pp(&buf) normal-exit-only
// EXC-NEXT:      [[@LINE+20]]:9 cleanup-push free_pp(&buf){{$}}
// CHECK-NEXT: block [read]
// CHECK-NEXT:    [[@LINE+19]]:3 suspend cancel=unwinds [read]
// CHECK-NEXT:    branch fd == 3 ? [[EARLY:bb[0-9]+]] : [[REST:bb[0-9]+]]
// CHECK-NEXT:  [[EARLY]]:
// CHECK-NEXT:    [[@LINE+18]]:5 cleanup-pop
// CHECK-NEXT:    [[@LINE+17]]:5 consume buf by call [free_pp]
// CHECK-NEXT:    [[@LINE+16]]:5 cleanup-pop
// CHECK-NEXT:    [[@LINE+15]]:5 consume fd by call [close_p]
// CHECK:         return
// CHECK:       [[REST]]:
// CHECK-NEXT: block [read]
// CHECK-NEXT:    suspend cancel=unwinds [read]
// CHECK-NEXT:    cleanup-pop
// CHECK-NEXT:    consume buf by call [free_pp]
// CHECK-NEXT:    cleanup-pop
// CHECK-NEXT:    consume fd by call [close_p]
// CHECK:         return
void scoped(const char *path) {
  int fd __attribute__((cleanup(close_p))) = open(path, 0);
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
// CHECK-NEXT: block [read]
// CHECK-NEXT:    [[@LINE+6]]:3 suspend cancel=unwinds [read]
// CHECK-NEXT:    return
void inner_scope(int fd, char *out) {
  {
    char *p __attribute__((cleanup(free_pp))) = malloc(4);
  }
  read(fd, out, 1);
}

void stop(pthread_t t) { pthread_cancel(t); }
