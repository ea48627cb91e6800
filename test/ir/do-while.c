// do/while: the body runs first; the test follows it and loops back to
// the body. continue goes to the test, break leaves the loop.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void work(void);
void after(void);

// CHECK-LABEL: function basic
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[TEST:bb[0-9]+]]:
// CHECK-NEXT:    branch n != 3 ? [[BODY]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    [[@LINE+7]]:5 kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[TEST]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    [[@LINE+6]]:3 kill %t{{[0-9]+}} [after]
// CHECK-NEXT:    return
void basic(int n) {
  do {
    work();
  } while (n != 3);
  after();
}

// CHECK-LABEL: function with_continue
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[TEST:bb[0-9]+]]:
// CHECK-NEXT:    branch n < 10 ? [[BODY]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill n
// CHECK-NEXT:    branch n == 5 ? [[CONT:bb[0-9]+]] : [[NEXT:bb[0-9]+]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[CONT]]:
// CHECK-NEXT:    goto [[TEST]]
// CHECK-NEXT:  [[NEXT]]:
// CHECK-NEXT:    branch n == 7 ? [[BRK:bb[0-9]+]] : [[REST:bb[0-9]+]]
// CHECK-NEXT:  [[BRK]]:
// CHECK-NEXT:    goto [[EXIT]]
// CHECK-NEXT:  [[REST]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[TEST]]
void with_continue(int n) {
  do {
    n++;
    if (n == 5)
      continue;
    if (n == 7)
      break;
    work();
  } while (n < 10);
}

// do { } while (0), the macro idiom: the body runs once, no back edge.
// CHECK-LABEL: function once
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[TEST:bb[0-9]+]]:
// CHECK-NEXT:    goto [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[TEST]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
void once(void) {
  do {
    work();
  } while (0);
}
