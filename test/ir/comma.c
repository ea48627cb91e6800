// The comma operator evaluates its left operand for effect, in order, and
// the condition or value is its right operand.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void a(void);
void b(void);
int get(void);

// CHECK-LABEL: function in_condition
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+8]]:7 kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    branch x < 0 ? [[T:bb[0-9]+]] : [[F:bb[0-9]+]]
// CHECK-NEXT:  [[T]]:
// CHECK-NEXT:    [[@LINE+6]]:5 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[F]]
// CHECK-NEXT:  [[F]]:
// CHECK-NEXT:    return
void in_condition(int x) {
  if (b(), x < 0)
    a();
}

// The value of (a(), get()) is get()'s result, assigned to y.
// CHECK-LABEL: function in_value
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+5]]:12 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    [[@LINE+4]]:17 kill y [get]
// CHECK-NEXT:    branch y == -1 ? [[T:bb[0-9]+]] : [[F:bb[0-9]+]]
// CHECK:         kill %t{{[0-9]+}} [b]
void in_value(void) {
  int y = (a(), get());
  if (y == -1)
    b();
}

// Comma in a for increment: both parts run in the latch, in order.
// CHECK-LABEL: function for_inc
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    set i zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i < 4 ? [[BODY:bb[0-9]+]] : {{bb[0-9]+}}
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    goto [[LATCH:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH]]:
// CHECK-NEXT:    [[@LINE+4]]:22 kill i
// CHECK-NEXT:    [[@LINE+3]]:27 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[HEAD]]
void for_inc(int i) {
  for (i = 0; i < 4; i++, a())
    ;
}

// Three operands in a condition: the calls come first, then the test on k.
// CHECK-LABEL: function three
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    branch k != 0 ? {{bb[0-9]+}} : {{bb[0-9]+}}
void three(int k) {
  if (a(), b(), k)
    a();
}
