// return: ends its block; "return VAR" names the returned variable, a
// returned constant or expression gives a bare "return". Code after an
// early return is only reached on the other edge.

int get(void);
void a(void);

int guard_clause(void) {
  int r = get();
  if (r < 0)
    return r;
  a();
  return 0;
}

// return of an expression that is not a plain variable: no variable.
int expr_return(int x) {
  return x + 1;
}

// return of a call: the result lands in a temporary that is returned.
int call_return(void) {
  return get();
}

// A void function without a return statement returns at its end.
void falls_off(void) {
  a();
}

// Returns from inside a loop leave the function; statements after the
// return in the same block are dead and not lowered into the live block.
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
