// Calls to functions defined in the same TU are resolved through their
// summaries: a helper that (transitively) reaches a cancellation point is
// a suspend at the call, helpers that lock/unlock are acquire/release with
// their guard key rewritten for the caller's argument, a helper returning
// malloc's result owns, one that frees consumes.

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct q { pthread_mutex_t mu; };

static int wait_data(int fd) { char b; return read(fd, &b, 1); }
static int wait_twice(int fd) { return wait_data(fd) + wait_data(fd); }
static void q_lock(struct q *q) { pthread_mutex_lock(&q->mu); }
static void q_unlock(struct q *q) { pthread_mutex_unlock(&q->mu); }
static char *make(void) { return malloc(3); }
static void drop(char *p) { free(p); }
static int twice(int x) { return x * 2; }


// A helper that does nothing of interest is not a suspend, guard or owner.
int caller(struct q *box, int fd) {
  wait_twice(fd);
  q_lock(box);
  q_unlock(box);
  char *p = make();
  drop(p);
  int r = twice(fd);
  return r;
}
