// GNU statement expressions ({ ... }): their statements are lowered in
// place, control flow inside them included, and their value is the last
// expression statement.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

int get(void);
void a(void);

// The value of the statement expression is the ?: inside it.
// CHECK-LABEL: function value
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+14]]:13 kill t [get]
// CHECK-NEXT:    branch t < 0 ? [[NEG:bb[0-9]+]] : [[POS:bb[0-9]+]]
// CHECK-NEXT:  [[NEG]]:
// CHECK-NEXT:    set %t[[V:[0-9]+]] zero
// CHECK-NEXT:    goto [[J:bb[0-9]+]]
// CHECK-NEXT:  [[POS]]:
// CHECK-NEXT:    copy %t[[V]] = t
// CHECK-NEXT:    goto [[J]]
// CHECK-NEXT:  [[J]]:
// CHECK-NEXT:    copy v = %t[[V]]
// CHECK-NEXT:    return v
// CHECK-NOT:   bb
int value(void) {
  int v = ({
    int t = get();
    t < 0 ? 0 : t;
  });
  return v;
}

// A statement expression as a condition: its last variable is tested.
// CHECK-LABEL: function as_condition
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill u [get]
// CHECK-NEXT:    branch u == 3 ? [[T:bb[0-9]+]] : [[F:bb[0-9]+]]
// CHECK-NEXT:  [[T]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[F]]
void as_condition(void) {
  if (({ int u = get(); u; }) == 3)
    a();
}

// A return inside a statement expression leaves the function.
// CHECK-LABEL: function early_exit
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill r [get]
// CHECK-NEXT:    branch r < 0 ? [[ERR:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[ERR]]:
// CHECK-NEXT:    return r
// CHECK-NEXT:  [[OK]]:
// CHECK-NEXT:    copy x = r
// CHECK-NEXT:    return x
int early_exit(void) {
  int x = ({
    int r = get();
    if (r < 0)
      return r;
    r;
  });
  return x;
}

// A statement expression used only for its effects.
// CHECK-LABEL: function effects_only
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    return
void effects_only(void) {
  ({ a(); a(); });
}
