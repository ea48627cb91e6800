// goto and labels: a label starts a block, a goto jumps to it; forward
// and backward jumps, a label reached both by falling into it and by goto,
// and the error-exit ladder common in C.

void a(void);
void b(void);
int get(void);
void put(int);

// Forward: the label's block has two predecessors.
void forward(int x) {
  if (x)
    goto out;
  a();
out:
  b();
}

// Backward: a loop made of a label and a goto.
void backward(int x) {
again:
  a();
  if (x == 7)
    goto again;
  b();
}

// A goto to a label defined later than its use, and code after an
// unconditional goto that nothing reaches.
void skip_dead(void) {
  goto l;
  a();
l:
  b();
}

// The cleanup ladder: each failure jumps to the label that undoes what was
// done so far.
int ladder(void) {
  int r = get();
  if (r < 0)
    goto fail;
  int s = get();
  if (s < 0)
    goto put_r;
  return 0;
put_r:
  put(r);
fail:
  return -1;
}

// A computed goto may reach any label whose address is taken.
void computed(int i) {
  static void *const tab[] = { &&l1, &&l2 };
  goto *tab[i];
l1:
  a();
l2:
  return;
}
