// CCK_TAKES(n) (clang's ownership_takes(cancelcheck, n)) declares that the
// function takes ownership of argument n: a consume by call, as with
// CCK_CONSUMES(n) -- not the "escape" of a function we know nothing about.

#include <cancelcheck/annotations.h>
#include <stdlib.h>

void buf_free(char *m) CCK_TAKES(1);
void buf_put(int slot, char *m) CCK_TAKES(2);

void taken(int slot) {
  char *m = malloc(4);
  buf_free(m);
  char *n = malloc(4);
  buf_put(slot, n);
}
