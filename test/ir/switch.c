// switch: one "switch VAR K: bbN ... default: bbM" terminator with an edge
// to every case label; without a default statement, the default edge goes to
// the block after the switch. Cases fall through into the next one unless
// they break.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void a(void);
void b(void);
void c(void);
void d(void);

// With a default: no edge around the switch. Case 1 falls into case 2.
// CHECK-LABEL: function fallthrough_default
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    switch x 1: [[C1:bb[0-9]+]] 2: [[C2:bb[0-9]+]] default: [[DEF:bb[0-9]+]]{{$}}
// CHECK-NEXT:  [[AFTER:bb[0-9]+]]:
// CHECK-NEXT:    [[@LINE+21]]:3 kill %t{{[0-9]+}} [d]
// CHECK-NEXT:    return
// CHECK-NEXT:  [[C1]]:
// CHECK-NEXT:    [[@LINE+11]]:5 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[C2]]
// CHECK-NEXT:  [[C2]]:
// CHECK-NEXT:    [[@LINE+10]]:5 kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[AFTER]]
// CHECK-NEXT:  [[DEF]]:
// CHECK-NEXT:    [[@LINE+10]]:5 kill %t{{[0-9]+}} [c]
// CHECK-NEXT:    goto [[AFTER]]
void fallthrough_default(int x) {
  switch (x) {
  case 1:
    a();
  case 2:
    b();
    break;
  default:
    c();
  }
  d();
}

// Without a default, the value may match no case: an edge to the block
// after the switch.
// CHECK-LABEL: function no_default
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    switch x 1: [[C1:bb[0-9]+]] 2: [[C2:bb[0-9]+]] default: [[AFTER:bb[0-9]+]]{{$}}
// CHECK-NEXT:  [[AFTER]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [d]
// CHECK-NEXT:    return
// CHECK-NEXT:  [[C1]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[AFTER]]
// CHECK-NEXT:  [[C2]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[AFTER]]
void no_default(int x) {
  switch (x) {
  case 1:
    a();
    break;
  case 2:
    b();
  }
  d();
}

// Several labels on one statement, and a default in the middle that falls
// through into the next case.
// CHECK-LABEL: function stacked_labels
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    switch x 1: [[C1:bb[0-9]+]] 2: [[C2:bb[0-9]+]] default: [[DEF:bb[0-9]+]] 3: [[C3:bb[0-9]+]]{{$}}
// CHECK-NEXT:  [[AFTER:bb[0-9]+]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[C1]]:
// CHECK-NEXT:    goto [[C2]]
// CHECK-NEXT:  [[C2]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[AFTER]]
// CHECK-NEXT:  [[DEF]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    goto [[C3]]
// CHECK-NEXT:  [[C3]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [c]
// CHECK-NEXT:    goto [[AFTER]]
void stacked_labels(int x) {
  switch (x) {
  case 1:
  case 2:
    a();
    break;
  default:
    b();
  case 3:
    c();
  }
}

// A return inside a case leaves the function, not just the switch.
// CHECK-LABEL: function case_return
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    switch x 0: [[C1:bb[0-9]+]] default: [[AFTER:bb[0-9]+]]{{$}}
// CHECK-NEXT:  [[AFTER]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    return
// CHECK-NEXT:  [[C1]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    return
int case_return(int x) {
  switch (x) {
  case 0:
    a();
    return 1;
  }
  b();
  return 0;
}

// The switch value can be a call's result; a GNU case range has no single
// constant label; a switch with no case labels has just the default edge.
// CHECK-LABEL: function odd_switches
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill %t[[T:[0-9]+]] [get]
// CHECK-NEXT:    switch %t[[T]] 1: [[C1:bb[0-9]+]] default: [[S2:bb[0-9]+]]{{$}}
// CHECK-NEXT:  [[S2]]:
// CHECK-NEXT:    switch x [[RANGE:bb[0-9]+]] -2: [[M2:bb[0-9]+]] default: [[S3:bb[0-9]+]]{{$}}
// CHECK:       [[S3]]:
// CHECK-NEXT:    switch x default: [[END:bb[0-9]+]]{{$}}
// CHECK:       [[END]]:
// CHECK-NEXT:    return
int get(void);
void odd_switches(int x) {
  switch (get()) {
  case 1:
    a();
  }
  switch (x) {
  case 1 ... 3:
    a();
    break;
  case -2:
    break;
  }
  switch (x) {
  }
}
