// switch: one "switch VAR K: bbN ... default: bbM" terminator with an edge
// to every case label; without a default statement, the default edge goes to
// the block after the switch. Cases fall through into the next one unless
// they break.

void a(void);
void b(void);
void c(void);
void d(void);

// With a default: no edge around the switch. Case 1 falls into case 2.
void fallthrough_default(int x) {
  switch (x) {
  case 1:
    a();
  case 2:
    b();
    break;
  default:
    c();
  }
  d();
}

// Without a default, the value may match no case: an edge to the block
// after the switch.
void no_default(int x) {
  switch (x) {
  case 1:
    a();
    break;
  case 2:
    b();
  }
  d();
}

// Several labels on one statement, and a default in the middle that falls
// through into the next case.
void stacked_labels(int x) {
  switch (x) {
  case 1:
  case 2:
    a();
    break;
  default:
    b();
  case 3:
    c();
  }
}

// A return inside a case leaves the function, not just the switch.
int case_return(int x) {
  switch (x) {
  case 0:
    a();
    return 1;
  }
  b();
  return 0;
}

// The switch value can be a call's result; a GNU case range has no single
// constant label; a switch with no case labels has just the default edge.
int get(void);
void odd_switches(int x) {
  switch (get()) {
  case 1:
    a();
  }
  switch (x) {
  case 1 ... 3:
    a();
    break;
  case -2:
    break;
  }
  switch (x) {
  }
}
