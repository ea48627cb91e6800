// Control flow that comes from macro expansions is lowered like written
// code; events inside a macro report the location of the expansion.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

int get(void);
void a(void);

#define CHECK_RC(x) do { if ((x) < 0) return -1; } while (0)
#define TRY(e) ({ int r_ = (e); if (r_ < 0) goto fail; r_; })
#define LOOP(n) for (int i_ = 0; i_ < (n); i_++)
#define IS_ERR(v) ((v) < 0)

// CHECK-LABEL: function check_rc
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[TEST:bb[0-9]+]]:
// CHECK-NEXT:    goto [[AFTER:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    [[@LINE+10]]:3 kill %t[[T:[0-9]+]] [get]
// CHECK-NEXT:    branch %t[[T]] < 0 ? [[RET:bb[0-9]+]] : [[NEXT:bb[0-9]+]]
// CHECK-NEXT:  [[AFTER]]:
// CHECK-NEXT:    [[@LINE+8]]:3 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    return
// CHECK-NEXT:  [[RET]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[NEXT]]:
// CHECK-NEXT:    goto [[TEST]]
int check_rc(void) {
  CHECK_RC(get());
  a();
  return 0;
}

// A statement-expression macro with a goto out of it.
// CHECK-LABEL: function try_goto
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+11]]:11 kill r_ [get]
// CHECK-NEXT:    branch r_ < 0 ? [[FAIL:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[FAIL]]:
// CHECK-NEXT:    goto [[LFAIL:bb[0-9]+]]
// CHECK-NEXT:  [[OK]]:
// CHECK-NEXT:    copy v = r_
// CHECK-NEXT:    return v
// CHECK-NEXT:  [[LFAIL]]:
// CHECK-NEXT:    [[@LINE+6]]:3 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    return{{$}}
int try_goto(void) {
  int v = TRY(get());
  return v;
fail:
  a();
  return -2;
}

// A loop macro and a condition macro.
// CHECK-LABEL: function loop_macro
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+10]]:3 set i_ zero
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch i_ < 3 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    [[@LINE+6]]:13 kill x [get]
// CHECK-NEXT:    branch x < 0 ? [[ERR:bb[0-9]+]] : [[LATCH:bb[0-9]+]]
// CHECK:       [[ERR]]:
// CHECK-NEXT:    return x
int loop_macro(void) {
  LOOP(3) {
    int x = get();
    if (IS_ERR(x))
      return x;
  }
  return 0;
}
