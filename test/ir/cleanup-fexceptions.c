// With -fexceptions glibc's pthread_cleanup_push declares a
// __pthread_cleanup_frame with __attribute__((cleanup)) instead of the
// setjmp block; the lowering is the same: cleanup-push, the body,
// cleanup-pop, and the handler's effects when pop's argument is nonzero.
// RUN: %cancelcheck --dump-ir %s -- -fexceptions | FileCheck %s

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_it(void *p) { pthread_mutex_unlock(p); }

// CHECK-LABEL: function pop1
// CHECK:         [[@LINE+9]]:3 acquire &m [pthread_mutex_lock]
// CHECK:         [[@LINE+9]]:3 cleanup-push unlock_it(&m)
// CHECK-NEXT: block [read]
// CHECK-NEXT:    [[@LINE+8]]:3 suspend cancel=unwinds [read]
// CHECK-NEXT:    {{[0-9]+}}:3 cleanup-pop
// CHECK-NEXT:    {{[0-9]+}}:3 release &m [unlock_it]
// CHECK-NOT:     release
// CHECK-LABEL: function pop0
void pop1(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

// CHECK:         cleanup-push unlock_it(&m)
// CHECK-NEXT: block [read]
// CHECK-NEXT:    suspend cancel=unwinds [read]
// CHECK-NEXT:    cleanup-pop
// CHECK-NEXT:    goto
// CHECK-NOT:     [unlock_it]
// CHECK-LABEL: function free_handler
void pop0(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(0);
  pthread_mutex_unlock(&m);
}

// CHECK:         own [malloc] -> p if nonzero
// CHECK:         cleanup-push free(p)
// CHECK-NEXT: block [read]
// CHECK-NEXT:    suspend cancel=unwinds [read]
// CHECK-NEXT:    cleanup-pop
// CHECK-NEXT:    consume p by call [free]
void free_handler(int fd) {
  char *p = malloc(8);
  pthread_cleanup_push(free, p);
  read(fd, p, 8);
  pthread_cleanup_pop(1);
}

void stop(pthread_t t) { pthread_cancel(t); }
