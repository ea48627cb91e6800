// The comma operator evaluates its left operand for effect, in order, and
// the condition or value is its right operand.

void a(void);
void b(void);
int get(void);

void in_condition(int x) {
  if (b(), x < 0)
    a();
}

// The value of (a(), get()) is get()'s result, assigned to y.
void in_value(void) {
  int y = (a(), get());
  if (y == -1)
    b();
}

// Comma in a for increment: both parts run in the latch, in order.
void for_inc(int i) {
  for (i = 0; i < 4; i++, a())
    ;
}

// Three operands in a condition: the calls come first, then the test on k.
void three(int k) {
  if (a(), b(), k)
    a();
}
