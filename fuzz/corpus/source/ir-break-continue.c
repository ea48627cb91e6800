// break and continue: break leaves the innermost loop or switch, continue
// goes to the innermost loop's next iteration (the test of a while, the
// increment of a for), also from inside a switch.

void a(void);
void b(void);

void in_while(int n) {
  while (n) {
    if (n == 1)
      break;
    if (n == 2)
      continue;
    a();
  }
}

// continue in a for goes to the increment, not the test.
void in_for(void) {
  for (int i = 0; i < 10; i++) {
    if (i == 3)
      continue;
    a();
  }
}

// Inside a switch inside a loop: break leaves the switch only (to b()),
// continue skips b() and goes to the loop's increment.
void switch_in_loop(void) {
  for (int i = 0; i < 10; i++) {
    switch (i) {
    case 0:
      continue;
    case 1:
      a();
      break;
    }
    b();
  }
}

// Nested loops: break and continue act on the inner loop only.
void nested(int x, int y) {
  while (x) {
    while (y) {
      if (y == 1)
        break;
      a();
    }
    b();
  }
}
