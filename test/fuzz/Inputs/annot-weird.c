#include <cancelcheck/annotations.h>
#include <stdint.h>
struct s;
int a(struct s *x) CCK_ACQUIRES(0) CCK_RELEASES(99) CCK_CONSUMES(-1) CCK_LENDS(200);
int b(void) __attribute__((annotate("cancelcheck::suspends(")));
int c(void) __attribute__((annotate("cancelcheck::")));
int d(void) __attribute__((annotate("cancelcheck::try_acquires(1,zork)")));
int e(int) __attribute__((annotate("cancelcheck::returns_owned(nonnull"), annotate("cancelcheck::consumes(1)consumes(2)")));
int f(int, int) __attribute__((annotate("cancelcheck::suspends(returns)"), annotate("cancelcheck::suspends(unwinds)")));
int g(void *p, ...) CCK_SUSPENDS_RETURNS CCK_CONSUMES(3) CCK_TRY_ACQUIRES(5, nonzero);
int u(struct s *x) { a(x); b(); c(); d(); e(1); f(1, 2); g(x); g(x, x, x, x); return e(2); }
