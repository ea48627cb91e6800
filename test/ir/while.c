// while loops: a header block holds the test, the body jumps back to it,
// the false edge leaves the loop.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void work(void);
int more(void);

// CHECK-LABEL: function count_down
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch n > 0 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    [[@LINE+8]]:5 kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    [[@LINE+8]]:5 kill n
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
// CHECK-NOT:   bb
void count_down(int n) {
  while (n > 0) {
    work();
    n--;
  }
}

// The condition is re-evaluated on every iteration: the call in it sits in
// the header block, which the back edge reaches.
// CHECK-LABEL: function call_in_cond
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    [[@LINE+8]]:10 kill %t[[T:[0-9]+]] [more]
// CHECK-NEXT:    branch %t[[T]] != 0 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return
void call_in_cond(void) {
  while (more())
    work();
}

// while (1) has no exit edge; the code after it is unreachable.
// CHECK-LABEL: function forever
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    goto [[BODY:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill %t{{[0-9]+}} [work]
// CHECK-NEXT:    goto [[HEAD]]
// CHECK-NOT:     [[HEAD]]
void forever(void) {
  while (1)
    work();
}

// while (0): the body is never entered.
// CHECK-LABEL: function never
// CHECK:         goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    goto [[EXIT:bb[0-9]+]]
// CHECK:       [[EXIT]]:
// CHECK-NEXT:    return
void never(void) {
  while (0)
    work();
}

// The read loop: an assignment from a suspending call in the condition is
// re-run by every iteration (the suspend is in the header), and the
// comparison tests the assigned variable.
// RUN: %cancelcheck --dump-ir --model=posix %s | FileCheck --check-prefix=POSIX %s
// POSIX-LABEL: function read_all
// POSIX-NEXT:  bb0:
// POSIX-NEXT:    kill n
// POSIX-NEXT:    set total zero
// POSIX-NEXT:    goto [[HEAD:bb[0-9]+]]
// POSIX-NEXT:  [[HEAD]]:
// POSIX-NEXT: block [read]
// POSIX-NEXT:    [[@LINE+15]]:15 suspend cancel=unwinds [read] -> n
// POSIX-NEXT:    branch n > 0 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// POSIX-NEXT:  [[BODY]]:
// POSIX-NEXT:    kill total
// POSIX-NEXT:    goto [[HEAD]]
// POSIX-NEXT:  [[EXIT]]:
// POSIX-NEXT:    branch n < 0 ? [[ERR:bb[0-9]+]] : [[OK:bb[0-9]+]]
// POSIX-NEXT:  [[ERR]]:
// POSIX-NEXT:    return{{$}}
// POSIX-NEXT:  [[OK]]:
// POSIX-NEXT:    return total
int read(int fd, void *buf, unsigned long n);
int read_all(int fd, char *b) {
  long n;
  int total = 0;
  while ((n = read(fd, b, 4)) > 0)
    total += n;
  if (n < 0)
    return -1;
  return total;
}
