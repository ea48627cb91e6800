// Control flow that comes from macro expansions is lowered like written
// code; events inside a macro report the location of the expansion.

int get(void);
void a(void);

#define CHECK_RC(x) do { if ((x) < 0) return -1; } while (0)
#define TRY(e) ({ int r_ = (e); if (r_ < 0) goto fail; r_; })
#define LOOP(n) for (int i_ = 0; i_ < (n); i_++)
#define IS_ERR(v) ((v) < 0)

int check_rc(void) {
  CHECK_RC(get());
  a();
  return 0;
}

// A statement-expression macro with a goto out of it.
int try_goto(void) {
  int v = TRY(get());
  return v;
fail:
  a();
  return -2;
}

// A loop macro and a condition macro.
int loop_macro(void) {
  LOOP(3) {
    int x = get();
    if (IS_ERR(x))
      return x;
  }
  return 0;
}
