// A helper defined in the TU that only reads its pointer parameter does
// not take ownership of it: no consume event at the call (its summary says
// so), so the value is still owned at the next suspend point.

#include <stdlib.h>
#include <unistd.h>

static int peek(char *p) { return p[0]; }
static int twice(int x) { return x * 2; }

void reader(int fd) {
  char *p = malloc(2);
  peek(p);
  twice(3);
  read(fd, p, 2);
  free(p);
}
