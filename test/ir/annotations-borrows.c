// CCK_BORROWS: passing an owned value to a function that only reads it
// does not consume it. CCK_TAKES(n) (clang's ownership_takes) consumes
// argument n by call, like CCK_CONSUMES(n).
// XFAIL: *
// (BUG-IR-4 in /tmp/cck-bugs/ir-cli-tests.md: the borrowing call shows
// "consume m by escape", the ownership_takes call "by escape".)
// RUN: %cancelcheck --dump-ir --model=posix %s -- -I%annotations | FileCheck %s

#include <cancelcheck/annotations.h>
#include <stdlib.h>

void log_buf(char *m) CCK_BORROWS;
void buf_free(char *m) CCK_TAKES(1);

// CHECK-LABEL: function borrowed
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    own [malloc] -> m if nonzero
// CHECK-NOT:     consume m by escape
// CHECK:         consume m by call [free]
void borrowed(void) {
  char *m = malloc(4);
  log_buf(m);
  free(m);
}

// CHECK-LABEL: function taken
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    own [malloc] -> m if nonzero
// CHECK-NEXT:    consume m by call [buf_free]
void taken(void) {
  char *m = malloc(4);
  buf_free(m);
}
