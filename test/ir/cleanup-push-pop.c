// pthread_cleanup_push/pop, as glibc expands them without -fexceptions (a
// do { ... } while (0) block around __sigsetjmp and
// __pthread_register_cancel): push becomes "cleanup-push HANDLER(ARG)", pop
// becomes "cleanup-pop", and pop(nonzero) then runs the handler, whose
// effects (release, consume) follow on the normal path.
// RUN: %cancelcheck --dump-ir %s -- -fno-exceptions | FileCheck %s

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_it(void *p) { pthread_mutex_unlock(p); }

// pop(1): the handler runs; its release of &m is substituted for its
// parameter.
// CHECK-LABEL: function pop1
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+11]]:3 acquire &m [pthread_mutex_lock]
// CHECK:         [[@LINE+11]]:3 cleanup-push unlock_it(&m)
// CHECK-NOT:     release
// CHECK:         [[@LINE+10]]:3 suspend cancel=unwinds [read]
// CHECK-NOT:     release
// CHECK:         [[@LINE+9]]:3 cleanup-pop
// CHECK-NEXT:    goto [[DOIT:bb[0-9]+]]
// CHECK:       [[DOIT]]:
// CHECK-NEXT:    [[@LINE+6]]:3 release &m [unlock_it]
// CHECK-NEXT:    goto
void pop1(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

// pop(0): the handler does not run; the block that would run it is not
// reached from the pop.
// CHECK-LABEL: function pop0
// CHECK:         [[@LINE+10]]:3 cleanup-push unlock_it(&m)
// CHECK:         [[@LINE+11]]:3 cleanup-pop
// CHECK-NEXT:    goto [[SKIP:bb[0-9]+]]
// CHECK-NOT:   {{^}}  [[SKIP]]:
// CHECK:         release &m [unlock_it]
// CHECK-NEXT:    goto [[SKIP]]
// CHECK-NEXT:  [[SKIP]]:
// CHECK-NEXT:    goto
void pop0(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(0);
  pthread_mutex_unlock(&m);
}

// pop(run): both, on a branch on the argument.
// CHECK-LABEL: function pop_var
// CHECK:         cleanup-pop
// CHECK-NEXT:    branch run != 0 ? [[DOIT:bb[0-9]+]] : [[SKIP:bb[0-9]+]]
// CHECK:       [[DOIT]]:
// CHECK-NEXT:    release &m [unlock_it]
// CHECK-NEXT:    goto [[SKIP]]
void pop_var(int fd, char *buf, int run) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(run);
}

// free as the handler: pop(1) consumes the pointer by call.
// CHECK-LABEL: function free_handler
// CHECK:         own [malloc] -> p if nonzero
// CHECK:         cleanup-push free(p)
// CHECK:         suspend cancel=unwinds [read]
// CHECK:         cleanup-pop
// CHECK:         consume p by call [free]
void free_handler(int fd) {
  char *p = malloc(8);
  pthread_cleanup_push(free, p);
  read(fd, p, 8);
  pthread_cleanup_pop(1);
}

// The cast idiom: pthread_mutex_unlock itself as the handler.
// CHECK-LABEL: function cast_handler
// CHECK:         cleanup-push pthread_mutex_unlock(&m)
// CHECK:         cleanup-pop
// CHECK:         release &m [pthread_mutex_unlock]
void cast_handler(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push((void (*)(void *))pthread_mutex_unlock, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

// Nested: pops match pushes last-in first-out; the inner pop runs free,
// the outer one the unlock. Checked once per pop (blocks are not printed
// in source order).
// RUN: %cancelcheck --dump-ir %s -- -fno-exceptions | FileCheck --check-prefix=INNER %s
// RUN: %cancelcheck --dump-ir %s -- -fno-exceptions | FileCheck --check-prefix=OUTER %s
// CHECK-LABEL: function nested
// CHECK:         [[@LINE+18]]:3 cleanup-push unlock_it(&m)
// CHECK:         [[@LINE+18]]:3 cleanup-push free(p)
// CHECK:         [[@LINE+18]]:3 suspend cancel=unwinds [read]
// INNER-LABEL: function nested
// INNER:         [[@LINE+17]]:3 cleanup-pop
// INNER-NEXT:    goto [[DOIT:bb[0-9]+]]
// INNER:       [[DOIT]]:
// INNER-NEXT:    [[@LINE+14]]:3 consume p by call [free]
// INNER-LABEL: function stop
// OUTER-LABEL: function nested
// OUTER:         [[@LINE+12]]:3 cleanup-pop
// OUTER-NEXT:    goto [[DOIT:bb[0-9]+]]
// OUTER:       [[DOIT]]:
// OUTER-NEXT:    [[@LINE+9]]:3 release &m [unlock_it]
// OUTER-LABEL: function stop
void nested(int fd) {
  char *p = malloc(8);
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  pthread_cleanup_push(free, p);
  read(fd, p, 8);
  pthread_cleanup_pop(1);
  pthread_cleanup_pop(1);
}

void stop(pthread_t t) { pthread_cancel(t); }
