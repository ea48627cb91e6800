// GNU statement expressions ({ ... }): their statements are lowered in
// place, control flow inside them included, and their value is the last
// expression statement.

int get(void);
void a(void);

// The value of the statement expression is the ?: inside it.
int value(void) {
  int v = ({
    int t = get();
    t < 0 ? 0 : t;
  });
  return v;
}

// A statement expression as a condition: its last variable is tested.
void as_condition(void) {
  if (({ int u = get(); u; }) == 3)
    a();
}

// A return inside a statement expression leaves the function.
int early_exit(void) {
  int x = ({
    int r = get();
    if (r < 0)
      return r;
    r;
  });
  return x;
}

// A statement expression used only for its effects.
void effects_only(void) {
  ({ a(); a(); });
}
