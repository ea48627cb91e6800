// while loops: a header block holds the test, the body jumps back to it,
// the false edge leaves the loop.

void work(void);
int more(void);

void count_down(int n) {
  while (n > 0) {
    work();
    n--;
  }
}

// The condition is re-evaluated on every iteration: the call in it sits in
// the header block, which the back edge reaches.
void call_in_cond(void) {
  while (more())
    work();
}

// while (1) has no exit edge; the code after it is unreachable.
void forever(void) {
  while (1)
    work();
}

// while (0): the body is never entered.
void never(void) {
  while (0)
    work();
}

// The read loop: an assignment from a suspending call in the condition is
// re-run by every iteration (the suspend is in the header), and the
// comparison tests the assigned variable.
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
