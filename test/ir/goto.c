// goto and labels: a label starts a block, a goto jumps to it; forward
// and backward jumps, a label reached both by falling into it and by goto,
// and the error-exit ladder common in C.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void a(void);
void b(void);
int get(void);
void put(int);

// Forward: the label's block has two predecessors.
// CHECK-LABEL: function forward
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    branch x != 0 ? [[JUMP:bb[0-9]+]] : [[FALL:bb[0-9]+]]
// CHECK-NEXT:  [[JUMP]]:
// CHECK-NEXT:    goto [[OUT:bb[0-9]+]]
// CHECK-NEXT:  [[FALL]]:
// CHECK-NEXT:    [[@LINE+8]]:3 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[OUT]]
// CHECK-NEXT:  [[OUT]]:
// CHECK-NEXT:    [[@LINE+7]]:3 kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    return
void forward(int x) {
  if (x)
    goto out;
  a();
out:
  b();
}

// Backward: a loop made of a label and a goto.
// CHECK-LABEL: function backward
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[AGAIN:bb[0-9]+]]
// CHECK-NEXT:  [[AGAIN]]:
// CHECK-NEXT:    [[@LINE+9]]:3 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    branch x == 7 ? [[BACK:bb[0-9]+]] : [[REST:bb[0-9]+]]
// CHECK-NEXT:  [[BACK]]:
// CHECK-NEXT:    goto [[AGAIN]]
// CHECK-NEXT:  [[REST]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    return
void backward(int x) {
again:
  a();
  if (x == 7)
    goto again;
  b();
}

// A goto to a label defined later than its use, and code after an
// unconditional goto that nothing reaches.
// CHECK-LABEL: function skip_dead
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[L:bb[0-9]+]]
// CHECK-NEXT:  [[L]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [b]
// CHECK-NEXT:    return
// CHECK-NEXT:  [[DEAD:bb[0-9]+]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    goto [[L]]
void skip_dead(void) {
  goto l;
  a();
l:
  b();
}

// The cleanup ladder: each failure jumps to the label that undoes what was
// done so far.
// CHECK-LABEL: function ladder
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill r [get]
// CHECK-NEXT:    branch r < 0 ? [[E1:bb[0-9]+]] : [[OK1:bb[0-9]+]]
// CHECK-NEXT:  [[E1]]:
// CHECK-NEXT:    goto [[FAIL:bb[0-9]+]]
// CHECK-NEXT:  [[OK1]]:
// CHECK-NEXT:    kill s [get]
// CHECK-NEXT:    branch s < 0 ? [[E2:bb[0-9]+]] : [[OK2:bb[0-9]+]]
// CHECK-NEXT:  [[FAIL]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[E2]]:
// CHECK-NEXT:    goto [[PUT_R:bb[0-9]+]]
// CHECK-NEXT:  [[OK2]]:
// CHECK-NEXT:    return
// CHECK-NEXT:  [[PUT_R]]:
// CHECK-NEXT:    consume r by escape [put]
// CHECK-NEXT:    kill %t{{[0-9]+}} [put]
// CHECK-NEXT:    goto [[FAIL]]
int ladder(void) {
  int r = get();
  if (r < 0)
    goto fail;
  int s = get();
  if (s < 0)
    goto put_r;
  return 0;
put_r:
  put(r);
fail:
  return -1;
}

// A computed goto may reach any label whose address is taken.
// CHECK-LABEL: function computed
// CHECK-NEXT:  bb0:
// CHECK:         switch {{(bb[0-9]+ ?)+}}{{$}}
// CHECK:         kill %t{{[0-9]+}} [a]
// CHECK:         return
void computed(int i) {
  static void *const tab[] = { &&l1, &&l2 };
  goto *tab[i];
l1:
  a();
l2:
  return;
}
