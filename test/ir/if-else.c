// if, if/else and else-if chains: a comparison of a variable with a constant
// becomes "branch VAR OP K ? then : else"; both arms join again.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void a(void);
void b(void);
void c(void);

// CHECK-LABEL: function if_only
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x > 0 ? [[THEN:bb[0-9]+]] : [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[THEN]]:
// CHECK-NEXT:    [[@LINE+7]]:5 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    [[@LINE+5]]:3 kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    return
void if_only(int x) {
  if (x > 0)
    a();
  b();
}

// CHECK-LABEL: function if_else
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x == 3 ? [[THEN:bb[0-9]+]] : [[ELSE:bb[0-9]+]]
// CHECK-NEXT:  [[THEN]]:
// CHECK-NEXT:    [[@LINE+10]]:5 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    [[@LINE+10]]:3 kill %t{{[0-9]+}} [c]
// CHECK-NEXT:    return
// CHECK-NEXT:  [[ELSE]]:
// CHECK-NEXT:    [[@LINE+6]]:5 kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[JOIN]]
void if_else(int x) {
  if (x == 3)
    a();
  else
    b();
  c();
}

// The else-if is a second branch that only the first one's false edge
// reaches; all three arms reach the same join.
// CHECK-LABEL: function else_if
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x < 0 ? [[A:bb[0-9]+]] : [[ELSE:bb[0-9]+]]
// CHECK-NEXT:  [[A]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[ELSE]]:
// CHECK-NEXT:    branch x == 0 ? [[B:bb[0-9]+]] : [[C:bb[0-9]+]]
// CHECK-NEXT:  [[B]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[IJ:bb[0-9]+]]
// CHECK-NEXT:  [[IJ]]:
// CHECK-NEXT:    goto [[JOIN]]
// CHECK-NEXT:  [[C]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [c]
// CHECK-NEXT:    goto [[IJ]]
// CHECK-NOT:   bb
void else_if(int x) {
  if (x < 0)
    a();
  else if (x == 0)
    b();
  else
    c();
}

// Empty arms still branch: the condition is evaluated.
// CHECK-LABEL: function empty_arms
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x != 0 ? [[T:bb[0-9]+]] : [[F:bb[0-9]+]]
// CHECK-NEXT:  [[T]]:
// CHECK-NEXT:    goto [[J:bb[0-9]+]]
// CHECK-NEXT:  [[J]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[F]]:
// CHECK-NEXT:    goto [[J]]
void empty_arms(int x) {
  if (x) {
  } else {
  }
}
