// Variables with __attribute__((cleanup(fn))): a cleanup-push fn(&var) at
// the declaration; at every exit from the scope (return, falling off the
// end, leaving an inner block) cleanup-pop and fn's effects, innermost
// variable first. Without -fexceptions the handler does not run on a POSIX
// cancel edge ("normal-exit-only"); with -fexceptions it does.
// (A lock guard held through a pointer variable: cleanup-attr-guard.c.)

#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void free_pp(char **p) { free(*p); }
static void close_p(int *fd) { close(*fd); }

void scoped(const char *path) {
  int fd __attribute__((cleanup(close_p))) = open(path, 0);
  char *buf __attribute__((cleanup(free_pp))) = malloc(4);
  read(fd, buf, 4);
  if (fd == 3)
    return;
  read(fd, buf, 4);
}

// The cleanup runs when its own block is left, not at the function's end.
void inner_scope(int fd, char *out) {
  {
    char *p __attribute__((cleanup(free_pp))) = malloc(4);
  }
  read(fd, out, 1);
}

void stop(pthread_t t) { pthread_cancel(t); }
