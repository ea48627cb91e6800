// The cleanup-pop event is located at the pthread_cleanup_pop line, with
// and without -fexceptions (where glibc's frame variable is declared on
// the push line and destroyed at the pop).
// RUN: %cancelcheck --dump-ir %s -- -fno-exceptions | FileCheck %s
// RUN: %cancelcheck --dump-ir %s -- -fexceptions | FileCheck %s

#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_it(void *p) { pthread_mutex_unlock(p); }

// CHECK-LABEL: function pop1
// CHECK-DAG:     [[@LINE+5]]:3 cleanup-push unlock_it(&m)
// CHECK-DAG:     [[@LINE+6]]:3 cleanup-pop
// CHECK-DAG:     [[@LINE+5]]:3 release &m [unlock_it]
void pop1(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

// Falling off the end of a function: the pop is at the closing brace.
// CHECK-LABEL: function falls_off
// CHECK:         [[@LINE+6]]:3 suspend cancel=unwinds [read]
// CHECK-NEXT:    [[@LINE+6]]:1 cleanup-pop
// CHECK-NEXT:    [[@LINE+5]]:1 release
static void unlock_pp(pthread_mutex_t **p) { pthread_mutex_unlock(*p); }
void falls_off(int fd, char *buf) {
  pthread_mutex_t *g __attribute__((cleanup(unlock_pp))) = &m;
  read(fd, buf, 1);
}

void stop(pthread_t t) { pthread_cancel(t); }
