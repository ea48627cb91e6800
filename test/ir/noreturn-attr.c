// A call to any function declared noreturn ends its block, not only the
// C library's: __attribute__((noreturn)), C11 _Noreturn, and _Exit.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

#include <stdlib.h>

__attribute__((noreturn)) void die(const char *why);
_Noreturn void fatal(void);
void a(void);

// CHECK-LABEL: function attr
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x < 0 ? [[DIE:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[DIE]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [die]
// CHECK-NEXT:    noreturn
// CHECK-LABEL: function c11
void attr(int x) {
  if (x < 0)
    die("negative");
  a();
}

// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x < 0 ? [[DIE:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[DIE]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [fatal]
// CHECK-NEXT:    noreturn
// CHECK-LABEL: function underscore_exit
void c11(int x) {
  if (x < 0)
    fatal();
  a();
}

// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x < 0 ? [[DIE:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[DIE]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [_Exit]
// CHECK-NEXT:    noreturn
void underscore_exit(int x) {
  if (x < 0)
    _Exit(1);
  a();
}
