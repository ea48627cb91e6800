// &&, ||, ! and ?: in conditions are lowered to short-circuit control flow:
// each comparison gets its own branch; ! swaps the edges.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void a(void);
void b(void);
int get(void);

// x > 0 && y < 0: the second test only on the first one's true edge; both
// false edges go to the else arm.
// CHECK-LABEL: function and2
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x > 0 ? [[RHS:bb[0-9]+]] : [[ELSE:bb[0-9]+]]
// CHECK-NEXT:  [[THEN:bb[0-9]+]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[ELSE]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[JOIN]]
// CHECK-NEXT:  [[RHS]]:
// CHECK-NEXT:    branch y < 0 ? [[THEN]] : [[ELSE]]
void and2(int x, int y) {
  if (x > 0 && y < 0)
    a();
  else
    b();
}

// x == 1 || y != 2: the second test only on the first one's false edge.
// CHECK-LABEL: function or2
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x == 1 ? [[THEN:bb[0-9]+]] : [[RHS:bb[0-9]+]]
// CHECK-NEXT:  [[THEN]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[ELSE:bb[0-9]+]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[JOIN]]
// CHECK-NEXT:  [[RHS]]:
// CHECK-NEXT:    branch y != 2 ? [[THEN]] : [[ELSE]]
void or2(int x, int y) {
  if (x == 1 || y != 2)
    a();
  else
    b();
}

// !(x >= 3 && y <= 4): the && with its edges swapped.
// CHECK-LABEL: function not_and
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x >= 3 ? [[RHS:bb[0-9]+]] : [[THEN:bb[0-9]+]]
// CHECK-NEXT:  [[THEN]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[RHS]]:
// CHECK-NEXT:    branch y <= 4 ? [[JOIN]] : [[THEN]]
void not_and(int x, int y) {
  if (!(x >= 3 && y <= 4))
    a();
}

// !!x is x != 0 again, and !x on an int is x != 0 with swapped edges.
// CHECK-LABEL: function not_not
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x != 0 ? [[T1:bb[0-9]+]] : [[F1:bb[0-9]+]]
// CHECK-NEXT:  [[T1]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[F1]]
// CHECK-NEXT:  [[F1]]:
// CHECK-NEXT:    branch x != 0 ? [[F2:bb[0-9]+]] : [[T2:bb[0-9]+]]
// CHECK-NEXT:  [[T2]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[F2]]
// CHECK-NEXT:  [[F2]]:
// CHECK-NEXT:    return
void not_not(int x) {
  if (!!x)
    a();
  if (!x)
    b();
}

// Three operands, mixed: (x < 0 || y < 0) && z == 9.
// CHECK-LABEL: function mixed
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x < 0 ? [[Z:bb[0-9]+]] : [[Y:bb[0-9]+]]
// CHECK-NEXT:  [[THEN:bb[0-9]+]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    return
// CHECK-DAG:     branch y < 0 ? [[Z]] : [[JOIN]]
// CHECK-DAG:     branch z == 9 ? [[THEN]] : [[JOIN]]
void mixed(int x, int y, int z) {
  if ((x < 0 || y < 0) && z == 9)
    a();
}

// ?: as a condition: test the selector, then the chosen operand.
// CHECK-LABEL: function cond_op
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x != 0 ? [[Y:bb[0-9]+]] : [[Z:bb[0-9]+]]
// CHECK-NEXT:  [[THEN:bb[0-9]+]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[JOIN:bb[0-9]+]]
// CHECK-NEXT:  [[JOIN]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[Y]]:
// CHECK-NEXT:    branch y > 1 ? [[THEN]] : [[JOIN]]
// CHECK-NEXT:  [[Z]]:
// CHECK-NEXT:    branch z < 2 ? [[THEN]] : [[JOIN]]
void cond_op(int x, int y, int z) {
  if (x ? y > 1 : z < 2)
    a();
}

// ?: as a value: each arm writes a temporary (a copy of y, or the constant
// 5: "set ... pos"), copied at the join.
// CHECK-LABEL: function cond_value
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x > 0 ? [[L:bb[0-9]+]] : [[R:bb[0-9]+]]
// CHECK-NEXT:  [[L]]:
// CHECK-NEXT:    copy %t[[T:[0-9]+]] = y
// CHECK-NEXT:    goto [[J:bb[0-9]+]]
// CHECK-NEXT:  [[R]]:
// CHECK-NEXT:    set %t[[T]] pos
// CHECK-NEXT:    goto [[J]]
// CHECK-NEXT:  [[J]]:
// CHECK-NEXT:    copy r = %t[[T]]
// CHECK-NEXT:    return r
int cond_value(int x, int y) {
  int r = x > 0 ? y : 5;
  return r;
}

// && in a loop condition, with a call on its right: the call is only made
// when the left side is true.
// CHECK-LABEL: function loop_and
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch n > 0 ? [[RHS:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY:bb[0-9]+]]:
// CHECK-NEXT:    kill n
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[RHS]]:
// CHECK-NEXT:    kill %t[[T:[0-9]+]] [get]
// CHECK-NEXT:    branch %t[[T]] != 0 ? [[BODY]] : [[EXIT]]
void loop_and(int n) {
  while (n > 0 && get())
    n--;
}
