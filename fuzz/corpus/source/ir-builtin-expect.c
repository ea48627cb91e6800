// __builtin_expect(e, c) has the value of e, and !!e in a condition is e:
// likely()/unlikely() conditions lower to the same branch as the bare
// comparison.

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

void a(void);

void expect(int rc, char *p) {
  if (unlikely(rc < 0))
    a();
  if (likely(p != 0))
    a();
  if (__builtin_expect(rc == -125, 0))
    a();
}
