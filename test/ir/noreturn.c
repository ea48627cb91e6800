// Calls that do not return (exit, abort, _exit, pthread_exit, a failed
// assert, __builtin_unreachable) end their block with "noreturn": no edge
// to the code after them.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void a(void);

// CHECK-LABEL: function on_error
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x < 0 ? [[DIE:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[DIE]]:
// CHECK-NEXT:    [[@LINE+7]]:5 kill %t{{[0-9]+}} [exit]
// CHECK-NEXT:    noreturn
// CHECK-NEXT:  [[OK]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    return
void on_error(int x) {
  if (x < 0)
    exit(1);
  a();
}

// The statements after abort() are not in its block; nothing reaches them.
// CHECK-LABEL: function straight
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    kill %t{{[0-9]+}} [abort]
// CHECK-NEXT:    noreturn
// CHECK-NEXT:  [[DEAD:bb[0-9]+]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-LABEL: function others
void straight(void) {
  a();
  abort();
  a();
}

// CHECK:         kill %t{{[0-9]+}} [_exit]
// CHECK-NEXT:    noreturn
// CHECK:         kill %t{{[0-9]+}} [pthread_exit]
// CHECK-NEXT:    noreturn
// CHECK:         kill %t{{[0-9]+}} [__builtin_unreachable]
// CHECK-NEXT:    noreturn
// CHECK:         return
void others(int x) {
  if (x == 1)
    _exit(2);
  if (x == 2)
    pthread_exit(NULL);
  if (x == 3)
    __builtin_unreachable();
}

// assert(x != 3) is a branch whose failing edge calls __assert_fail.
// CHECK-LABEL: function asserts
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x != 3 ? [[OK:bb[0-9]+]] : [[FAIL:bb[0-9]+]]
// CHECK:       [[FAIL]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [__assert_fail]
// CHECK-NEXT:    noreturn
void asserts(int x) {
  assert(x != 3);
}
