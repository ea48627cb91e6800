// A constant expression on the left of a comparison is folded and the
// operator mirrored, like a plain literal is (compare.c): the negated errno
// idiom written Yoda-style, a parenthesized negative, a macro expression.

#include <errno.h>

#define LIMIT (2 * 8)

void a(void);

void yoda(int rc) {
  if (-ECANCELED == rc) a();
  if (-ETIMEDOUT != rc) a();
  if (-1 == rc) a();
  if (LIMIT <= rc) a();
  if (-EINTR > rc) a();
}
