// break and continue: break leaves the innermost loop or switch, continue
// goes to the innermost loop's next iteration (the test of a while, the
// increment of a for), also from inside a switch.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void a(void);
void b(void);

// CHECK-LABEL: function in_while
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch n != 0 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    branch n == 1 ? [[BRK:bb[0-9]+]] : [[NEXT:bb[0-9]+]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[BRK]]:
// CHECK-NEXT:    goto [[EXIT]]
// CHECK-NEXT:  [[NEXT]]:
// CHECK-NEXT:    branch n == 2 ? [[CONT:bb[0-9]+]] : [[REST:bb[0-9]+]]
// CHECK-NEXT:  [[CONT]]:
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[REST]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[HEAD]]
void in_while(int n) {
  while (n) {
    if (n == 1)
      break;
    if (n == 2)
      continue;
    a();
  }
}

// continue in a for goes to the increment, not the test.
// CHECK-LABEL: function in_for
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    set i zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i < 10 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    branch i == 3 ? [[CONT:bb[0-9]+]] : [[REST:bb[0-9]+]]
// CHECK-NEXT:  [[INC:bb[0-9]+]]:
// CHECK-NEXT:    kill i
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[CONT]]:
// CHECK-NEXT:    goto [[INC]]
// CHECK-NEXT:  [[REST]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[INC]]
void in_for(void) {
  for (int i = 0; i < 10; i++) {
    if (i == 3)
      continue;
    a();
  }
}

// Inside a switch inside a loop: break leaves the switch only (to b()),
// continue skips b() and goes to the loop's increment.
// CHECK-LABEL: function switch_in_loop
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    set i zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i < 10 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    switch i 0: [[C0:bb[0-9]+]] 1: [[C1:bb[0-9]+]] default: [[AFTER:bb[0-9]+]]{{$}}
// CHECK-NEXT:  [[INC:bb[0-9]+]]:
// CHECK-NEXT:    kill i
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[AFTER]]:
// CHECK-NEXT:    [[@LINE+16]]:5 kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[INC]]
// CHECK-NEXT:  [[C0]]:
// CHECK-NEXT:    goto [[INC]]
// CHECK-NEXT:  [[C1]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[AFTER]]
void switch_in_loop(void) {
  for (int i = 0; i < 10; i++) {
    switch (i) {
    case 0:
      continue;
    case 1:
      a();
      break;
    }
    b();
  }
}

// Nested loops: break and continue act on the inner loop only.
// CHECK-LABEL: function nested
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[OHEAD:bb[0-9]+]]
// CHECK-NEXT:  [[OHEAD]]:
// CHECK-NEXT:    branch x != 0 ? [[OBODY:bb[0-9]+]] : [[OEXIT:bb[0-9]+]]
// CHECK-NEXT:  [[OBODY]]:
// CHECK-NEXT:    goto [[IHEAD:bb[0-9]+]]
// CHECK-NEXT:  [[OEXIT]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[IHEAD]]:
// CHECK-NEXT:    branch y != 0 ? [[IBODY:bb[0-9]+]] : [[IEXIT:bb[0-9]+]]
// CHECK-NEXT:  [[IBODY]]:
// CHECK-NEXT:    branch y == 1 ? [[BRK:bb[0-9]+]] : [[IREST:bb[0-9]+]]
// CHECK-NEXT:  [[IEXIT]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[OHEAD]]
// CHECK-NEXT:  [[BRK]]:
// CHECK-NEXT:    goto [[IEXIT]]
// CHECK-NEXT:  [[IREST]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[IHEAD]]
void nested(int x, int y) {
  while (x) {
    while (y) {
      if (y == 1)
        break;
      a();
    }
    b();
  }
}
