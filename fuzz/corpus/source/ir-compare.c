// Comparisons in conditions become "branch VAR OP K": the constant side is
// folded (macros, negated errno constants, enum constants, NULL, casts),
// a constant on the left is swapped to the right, p/!p test against 0,
// and a comparison of two variables is opaque.

#include <errno.h>
#include <stddef.h>

void a(void);
int get(void);
enum { ST_OK, ST_AGAIN = 7 };
#define LIMIT (2 * 8)

void ints(int rc) {
  if (rc < 0) a();
  if (rc == -ECANCELED) a();
  if (rc != -ETIMEDOUT) a();
  if (rc <= -1) a();
  if (rc >= LIMIT) a();
  if (rc > ST_AGAIN) a();
  if (rc == ST_OK) a();
}

// Constant on the left: the operator is mirrored.
// (-ECANCELED == rc and other non-literal constants on the left:
// compare-constant-left.c)
void swapped(int rc) {
  if (0 > rc) a();
  if (3 <= rc) a();
  if (ST_AGAIN < rc) a();
  if ((3) > rc) a();
}

// Pointers: == NULL, != NULL either way round, !p and p.
void pointers(char *p) {
  if (p == NULL) a();
  if (NULL != p) a();
  if (!p) a();
  if (p) a();
  if ((void *)0 == p) a();
}

// The result of a call is tested through its temporary; an assignment in
// the condition tests the assigned variable.
void results(void) {
  int r;
  if (get() < 0) a();
  if ((r = get()) == -EAGAIN) a();
  if (get()) a();
}

// Two variables, or a variable and an expression, are not VAR OP K: the
// branch is opaque (both edges possible).
void opaque(int x, int y, int *q) {
  if (x < y) a();
  if (x + 1 == 2) a();
  if (q[0] == 3) a();
}
