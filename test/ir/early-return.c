// return: ends its block; "return VAR" names the returned variable, a
// returned constant or expression gives a bare "return". Code after an
// early return is only reached on the other edge.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

int get(void);
void a(void);

// CHECK-LABEL: function guard_clause
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+8]]:11 kill r [get]
// CHECK-NEXT:    branch r < 0 ? [[ERR:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[ERR]]:
// CHECK-NEXT:    return r
// CHECK-NEXT:  [[OK]]:
// CHECK-NEXT:    [[@LINE+6]]:3 kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    return
int guard_clause(void) {
  int r = get();
  if (r < 0)
    return r;
  a();
  return 0;
}

// return of an expression that is not a plain variable: no variable.
// CHECK-LABEL: function expr_return
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    return{{$}}
int expr_return(int x) {
  return x + 1;
}

// return of a call: the result lands in a temporary that is returned.
// CHECK-LABEL: function call_return
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill %t[[T:[0-9]+]] [get]
// CHECK-NEXT:    return %t[[T]]{{$}}
int call_return(void) {
  return get();
}

// A void function without a return statement returns at its end.
// CHECK-LABEL: function falls_off
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    kill %t{{[0-9]+}} [a]
// CHECK-NEXT:    return{{$}}
void falls_off(void) {
  a();
}

// Returns from inside a loop leave the function; statements after the
// return in the same block are dead and not lowered into the live block.
// CHECK-LABEL: function in_loop
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    goto [[HEAD:bb[0-9]+]]
// CHECK-NEXT:  [[HEAD]]:
// CHECK-NEXT:    branch n > 0 ? [[BODY:bb[0-9]+]] : [[EXIT:bb[0-9]+]]
// CHECK-NEXT:  [[BODY]]:
// CHECK-NEXT:    kill v [get]
// CHECK-NEXT:    branch v == 0 ? [[RET:bb[0-9]+]] : [[NEXT:bb[0-9]+]]
// CHECK-NEXT:  [[EXIT]]:
// CHECK-NEXT:    return{{$}}
// CHECK-NEXT:  [[RET]]:
// CHECK-NEXT:    return v
// CHECK-NOT:     [a]
// CHECK:       [[NEXT]]:
// CHECK-NEXT:    kill n
// CHECK-NEXT:    goto [[HEAD]]
int in_loop(int n) {
  while (n > 0) {
    int v = get();
    if (v == 0) {
      return v;
      a();
    }
    n--;
  }
  return -1;
}
