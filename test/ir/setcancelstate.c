// pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, ...) opens a shield and
// pthread_setcancelstate(PTHREAD_CANCEL_ENABLE or a saved state, ...)
// closes it; the calls between are still suspend events (the dataflow
// knows they have no cancel edge inside the shield).
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

// CHECK-LABEL: function disable_enable
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+8]]:3 shield-on [pthread_setcancelstate]
// CHECK-NEXT:    [[@LINE+7]]:3 kill %t{{[0-9]+}} [pthread_setcancelstate]
// CHECK-NEXT: block [read]
// CHECK-NEXT:    [[@LINE+6]]:3 suspend cancel=unwinds [read] -> %t{{[0-9]+}}
// CHECK-NEXT:    [[@LINE+6]]:3 shield-off [pthread_setcancelstate]
// CHECK-NEXT:    [[@LINE+5]]:3 kill %t{{[0-9]+}} [pthread_setcancelstate]
// CHECK-NEXT:    return
void disable_enable(int fd, char *buf) {
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
  read(fd, buf, 1);
  pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
}

// The save/restore idiom: restoring the saved state closes the shield.
// CHECK-LABEL: function save_restore
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill old
// CHECK-NEXT:    shield-on [pthread_setcancelstate]
// CHECK-NEXT:    kill %t{{[0-9]+}} [pthread_setcancelstate]
// CHECK-NEXT: block [read]
// CHECK-NEXT:    suspend cancel=unwinds [read]
// CHECK-NEXT:    shield-off [pthread_setcancelstate]
// CHECK-NEXT:    kill %t{{[0-9]+}} [pthread_setcancelstate]
// CHECK-NEXT:    return
void save_restore(int fd, char *buf) {
  int old;
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
  read(fd, buf, 1);
  pthread_setcancelstate(old, NULL);
}

// A checked call: the shield opens before the branch on its result; the
// read after the shield closes is outside it.
// CHECK-LABEL: function checked
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill old
// CHECK-NEXT:    [[@LINE+14]]:7 shield-on [pthread_setcancelstate]
// CHECK-NEXT:    [[@LINE+13]]:7 kill %t[[T:[0-9]+]] [pthread_setcancelstate]
// CHECK-NEXT:    branch %t[[T]] != 0 ? [[ERR:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[ERR]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[OK]]:
// CHECK-NEXT: block [read]
// CHECK-NEXT:    [[@LINE+9]]:3 suspend cancel=unwinds [read]
// CHECK-NEXT:    [[@LINE+9]]:3 shield-off [pthread_setcancelstate]
// CHECK-NEXT:    kill %t{{[0-9]+}} [pthread_setcancelstate]
// CHECK-NEXT: block [read]
// CHECK-NEXT:    [[@LINE+7]]:3 suspend cancel=unwinds [read]
void checked(int fd, char *buf) {
  int old;
  if (pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old) != 0)
    return;
  read(fd, buf, 1);
  pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
  read(fd, buf, 1);
}

// pthread_setcanceltype is not a shield.
// CHECK-LABEL: function cancel_type
// CHECK-NOT:     shield
// CHECK:         kill %t{{[0-9]+}} [pthread_setcanceltype]
// CHECK-NOT:     shield
// CHECK:         return
void cancel_type(void) {
  int o;
  pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &o);
}
