// if, if/else and else-if chains: a comparison of a variable with a constant
// becomes "branch VAR OP K ? then : else"; both arms join again.

void a(void);
void b(void);
void c(void);

void if_only(int x) {
  if (x > 0)
    a();
  b();
}

void if_else(int x) {
  if (x == 3)
    a();
  else
    b();
  c();
}

// The else-if is a second branch that only the first one's false edge
// reaches; all three arms reach the same join.
void else_if(int x) {
  if (x < 0)
    a();
  else if (x == 0)
    b();
  else
    c();
}

// Empty arms still branch: the condition is evaluated.
void empty_arms(int x) {
  if (x) {
  } else {
  }
}
