// A call to any function declared noreturn ends its block, not only the
// C library's: __attribute__((noreturn)), C11 _Noreturn, and _Exit.

#include <stdlib.h>

__attribute__((noreturn)) void die(const char *why);
_Noreturn void fatal(void);
void a(void);

void attr(int x) {
  if (x < 0)
    die("negative");
  a();
}

void c11(int x) {
  if (x < 0)
    fatal();
  a();
}

void underscore_exit(int x) {
  if (x < 0)
    _Exit(1);
  a();
}
