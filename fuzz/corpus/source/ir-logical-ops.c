// &&, ||, ! and ?: in conditions are lowered to short-circuit control flow:
// each comparison gets its own branch; ! swaps the edges.

void a(void);
void b(void);
int get(void);

// x > 0 && y < 0: the second test only on the first one's true edge; both
// false edges go to the else arm.
void and2(int x, int y) {
  if (x > 0 && y < 0)
    a();
  else
    b();
}

// x == 1 || y != 2: the second test only on the first one's false edge.
void or2(int x, int y) {
  if (x == 1 || y != 2)
    a();
  else
    b();
}

// !(x >= 3 && y <= 4): the && with its edges swapped.
void not_and(int x, int y) {
  if (!(x >= 3 && y <= 4))
    a();
}

// !!x is x != 0 again, and !x on an int is x != 0 with swapped edges.
void not_not(int x) {
  if (!!x)
    a();
  if (!x)
    b();
}

// Three operands, mixed: (x < 0 || y < 0) && z == 9.
void mixed(int x, int y, int z) {
  if ((x < 0 || y < 0) && z == 9)
    a();
}

// ?: as a condition: test the selector, then the chosen operand.
void cond_op(int x, int y, int z) {
  if (x ? y > 1 : z < 2)
    a();
}

// ?: as a value: each arm writes a temporary (a copy of y, or the constant
// 5: "set ... pos"), copied at the join.
int cond_value(int x, int y) {
  int r = x > 0 ? y : 5;
  return r;
}

// && in a loop condition, with a call on its right: the call is only made
// when the left side is true.
void loop_and(int n) {
  while (n > 0 && get())
    n--;
}
