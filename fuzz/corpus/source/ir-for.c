// for loops with every combination of init, condition and increment
// present or missing. Shape: init in the entry block, a header with the
// test (or a plain goto when there is none), the body, a latch block with
// the increment that jumps back to the header, and the exit.

void work(void);
int next(void);

// init, cond, inc
void all3(void) {
  for (int i = 0; i < 8; i++)
    work();
}

// no init
void no_init(int i) {
  for (; i < 8; i++)
    work();
}

// no condition: the header falls into the body; only break leaves.
void no_cond(void) {
  for (int i = 0;; i++)
    if (i == 8)
      break;
}

// no increment: the latch is empty.
void no_inc(void) {
  for (int i = 0; i != -1;)
    i = next();
}

// only a condition
void cond_only(int i) {
  for (; i;)
    i = next();
}

// only an increment: no exit but the return inside.
void inc_only(int i) {
  for (;; i++)
    if (i > 5)
      return;
}

// only an init
void init_only(void) {
  for (int i = 0;;)
    work();
}

// nothing: for (;;)
void none(void) {
  for (;;)
    work();
}

// A comparison of two variables is not a constant test: opaque branch.
// The loop variable of a for-init declaration is a local like any other.
void opaque_cond(int n) {
  for (int i = 0; i < n; i++)
    work();
}
