// do/while: the body runs first; the test follows it and loops back to
// the body. continue goes to the test, break leaves the loop.

void work(void);
void after(void);

void basic(int n) {
  do {
    work();
  } while (n != 3);
  after();
}

void with_continue(int n) {
  do {
    n++;
    if (n == 5)
      continue;
    if (n == 7)
      break;
    work();
  } while (n < 10);
}

// do { } while (0), the macro idiom: the body runs once, no back edge.
void once(void) {
  do {
    work();
  } while (0);
}
