// __builtin_expect(e, c) has the value of e, and !!e in a condition is e:
// likely()/unlikely() conditions lower to the same branch as the bare
// comparison.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

void a(void);

// CHECK-LABEL: function expect
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch rc < 0 ? [[T1:bb[0-9]+]] : [[F1:bb[0-9]+]]
// CHECK-NEXT:  [[T1]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[F1]]
// CHECK-NEXT:  [[F1]]:
// CHECK-NEXT:    branch p != 0 ? [[T2:bb[0-9]+]] : [[F2:bb[0-9]+]]
// CHECK-NEXT:  [[T2]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[F2]]
// CHECK-NEXT:  [[F2]]:
// CHECK-NEXT:    branch rc == -125 ? [[T3:bb[0-9]+]] : [[F3:bb[0-9]+]]
// CHECK-NEXT:  [[T3]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[F3]]
// CHECK-NEXT:  [[F3]]:
// CHECK-NEXT:    return
void expect(int rc, char *p) {
  if (unlikely(rc < 0))
    a();
  if (likely(p != 0))
    a();
  if (__builtin_expect(rc == -125, 0))
    a();
}
