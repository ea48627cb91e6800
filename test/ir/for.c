// for loops with every combination of init, condition and increment
// present or missing. Shape: init in the entry block, a header with the
// test (or a plain goto when there is none), the body, a latch block with
// the increment that jumps back to the header, and the exit.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void work(void);
int next(void);

// init, cond, inc
// CHECK-LABEL: function all3
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+14]]:12 set i zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i < 8 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    [[@LINE+10]]:5 kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[LATCH:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH]]:
// CHECK-NEXT:    [[@LINE+6]]:26 kill i
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
// CHECK-NOT:   bb
void all3(void) {
  for (int i = 0; i < 8; i++)
    work();
}

// no init
// CHECK-LABEL: function no_init
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i < 8 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[LATCH:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH]]:
// CHECK-NEXT:    kill i
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
void no_init(int i) {
  for (; i < 8; i++)
    work();
}

// no condition: the header falls into the body; only break leaves.
// CHECK-LABEL: function no_cond
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    set i zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    branch i == 8 ? [[BRK:bb[0-9]+]] : [[STAY:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH:bb[0-9]+]]:
// CHECK-NEXT:    kill i
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT:bb[0-9]+]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[BRK]]:
// CHECK-NEXT:    goto [[EXIT]]
// CHECK-NEXT:  [[STAY]]:
// CHECK-NEXT:    goto [[LATCH]]
void no_cond(void) {
  for (int i = 0;; i++)
    if (i == 8)
      break;
}

// no increment: the latch is empty.
// CHECK-LABEL: function no_inc
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    set i zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i != -1 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill i [next]
// CHECK-NEXT:    goto [[LATCH:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH]]:
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
void no_inc(void) {
  for (int i = 0; i != -1;)
    i = next();
}

// only a condition
// CHECK-LABEL: function cond_only
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i != 0 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill i [next]
// CHECK-NEXT:    goto [[LATCH:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH]]:
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
void cond_only(int i) {
  for (; i;)
    i = next();
}

// only an increment: no exit but the return inside.
// CHECK-LABEL: function inc_only
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    branch i > 5 ? [[RET:bb[0-9]+]] : [[STAY:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH:bb[0-9]+]]:
// CHECK-NEXT:    kill i
// CHECK-NEXT:    goto [[HEAD]]
// CHECK:       [[RET]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[STAY]]:
// CHECK-NEXT:    goto [[LATCH]]
void inc_only(int i) {
  for (;; i++)
    if (i > 5)
      return;
}

// only an init
// CHECK-LABEL: function init_only
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    set i zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[LATCH:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH]]:
// CHECK-NEXT:    goto [[HEAD]]
void init_only(void) {
  for (int i = 0;;)
    work();
}

// nothing: for (;;)
// CHECK-LABEL: function none
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[LATCH:bb[0-9]+]]
// CHECK-NEXT:  [[LATCH]]:
// CHECK-NEXT:    goto [[HEAD]]
void none(void) {
  for (;;)
    work();
}

// A comparison of two variables is not a constant test: opaque branch.
// The loop variable of a for-init declaration is a local like any other.
// CHECK-LABEL: function opaque_cond
// CHECK:         branch ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
void opaque_cond(int n) {
  for (int i = 0; i < n; i++)
    work();
}
