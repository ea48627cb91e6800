// A constant expression on the left of a comparison is folded and the
// operator mirrored, like a plain literal is (compare.c): the negated errno
// idiom written Yoda-style, a parenthesized negative, a macro expression.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

#include <errno.h>

#define LIMIT (2 * 8)

void a(void);

// CHECK-LABEL: function yoda
// CHECK:         branch rc == -125 ?
// CHECK:         branch rc != -110 ?
// CHECK:         branch rc == -1 ?
// CHECK:         branch rc >= 16 ?
// CHECK:         branch rc < -4 ?
// CHECK-NOT:     branch
void yoda(int rc) {
  if (-ECANCELED == rc) a();
  if (-ETIMEDOUT != rc) a();
  if (-1 == rc) a();
  if (LIMIT <= rc) a();
  if (-EINTR > rc) a();
}
