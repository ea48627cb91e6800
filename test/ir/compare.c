// Comparisons in conditions become "branch VAR OP K": the constant side is
// folded (macros, negated errno constants, enum constants, NULL, casts),
// a constant on the left is swapped to the right, p/!p test against 0,
// and a comparison of two variables is opaque.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

#include <errno.h>
#include <stddef.h>

void a(void);
int get(void);
enum { ST_OK, ST_AGAIN = 7 };
#define LIMIT (2 * 8)

// CHECK-LABEL: function ints
// CHECK:         branch rc < 0 ?
// CHECK:         branch rc == -125 ?
// CHECK:         branch rc != -110 ?
// CHECK:         branch rc <= -1 ?
// CHECK:         branch rc >= 16 ?
// CHECK:         branch rc > 7 ?
// CHECK:         branch rc == 0 ?
// CHECK-NOT:     branch
void ints(int rc) {
  if (rc < 0) a();
  if (rc == -ECANCELED) a();
  if (rc != -ETIMEDOUT) a();
  if (rc <= -1) a();
  if (rc >= LIMIT) a();
  if (rc > ST_AGAIN) a();
  if (rc == ST_OK) a();
}

// Constant on the left: the operator is mirrored.
// CHECK-LABEL: function swapped
// CHECK:         branch rc < 0 ?
// CHECK:         branch rc >= 3 ?
// CHECK:         branch rc > 7 ?
// CHECK:         branch rc < 3 ?
// (-ECANCELED == rc and other non-literal constants on the left:
// compare-constant-left.c)
void swapped(int rc) {
  if (0 > rc) a();
  if (3 <= rc) a();
  if (ST_AGAIN < rc) a();
  if ((3) > rc) a();
}

// Pointers: == NULL, != NULL either way round, !p and p.
// CHECK-LABEL: function pointers
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch p == 0 ? [[T1:bb[0-9]+]] : [[F1:bb[0-9]+]]
// CHECK-NEXT:  [[T1]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK:         branch p != 0 ? [[T2:bb[0-9]+]] : [[F2:bb[0-9]+]]
// CHECK-NEXT:  [[T2]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK:         branch p != 0 ? [[F3:bb[0-9]+]] : [[T3:bb[0-9]+]]
// CHECK-NEXT:  [[T3]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[F3]]
// CHECK-NEXT:  [[F3]]:
// CHECK-NEXT:    branch p != 0 ? [[T4:bb[0-9]+]] : [[F4:bb[0-9]+]]
// CHECK-NEXT:  [[T4]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK:         branch p == 0 ?
void pointers(char *p) {
  if (p == NULL) a();
  if (NULL != p) a();
  if (!p) a();
  if (p) a();
  if ((void *)0 == p) a();
}

// The result of a call is tested through its temporary; an assignment in
// the condition tests the assigned variable.
// CHECK-LABEL: function results
// CHECK:         kill %t[[T:[0-9]+]] [get]
// CHECK-NEXT:    branch %t[[T]] < 0 ?
// CHECK:         kill r [get]
// CHECK-NEXT:    branch r == -11 ?
// CHECK:         kill %t[[U:[0-9]+]] [get]
// CHECK-NEXT:    branch %t[[U]] != 0 ?
void results(void) {
  int r;
  if (get() < 0) a();
  if ((r = get()) == -EAGAIN) a();
  if (get()) a();
}

// Two variables, or a variable and an expression, are not VAR OP K: the
// branch is opaque (both edges possible).
// CHECK-LABEL: function opaque
// CHECK:         branch ? [[T:bb[0-9]+]] : [[F:bb[0-9]+]]
// CHECK:         branch ? [[T:bb[0-9]+]] : [[F:bb[0-9]+]]
// CHECK:         branch ? [[T:bb[0-9]+]] : [[F:bb[0-9]+]]
// CHECK-NOT:     branch
void opaque(int x, int y, int *q) {
  if (x < y) a();
  if (x + 1 == 2) a();
  if (q[0] == 3) a();
}
