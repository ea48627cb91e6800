// pthread_cleanup_push/pop, as glibc expands them without -fexceptions (a
// do { ... } while (0) block around __sigsetjmp and
// __pthread_register_cancel): push becomes "cleanup-push HANDLER(ARG)", pop
// becomes "cleanup-pop", and pop(nonzero) then runs the handler, whose
// effects (release, consume) follow on the normal path.

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_it(void *p) { pthread_mutex_unlock(p); }

// pop(1): the handler runs; its release of &m is substituted for its
// parameter.
void pop1(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

// pop(0): the handler does not run; the block that would run it is not
// reached from the pop.
void pop0(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(0);
  pthread_mutex_unlock(&m);
}

// pop(run): both, on a branch on the argument.
void pop_var(int fd, char *buf, int run) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(run);
}

// free as the handler: pop(1) consumes the pointer by call.
void free_handler(int fd) {
  char *p = malloc(8);
  pthread_cleanup_push(free, p);
  read(fd, p, 8);
  pthread_cleanup_pop(1);
}

// The cast idiom: pthread_mutex_unlock itself as the handler.
void cast_handler(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push((void (*)(void *))pthread_mutex_unlock, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

// Nested: pops match pushes last-in first-out; the inner pop runs free,
// the outer one the unlock. Checked once per pop (blocks are not printed
// in source order).
void nested(int fd) {
  char *p = malloc(8);
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  pthread_cleanup_push(free, p);
  read(fd, p, 8);
  pthread_cleanup_pop(1);
  pthread_cleanup_pop(1);
}

void stop(pthread_t t) { pthread_cancel(t); }
