// With -fexceptions glibc's pthread_cleanup_push declares a
// __pthread_cleanup_frame with __attribute__((cleanup)) instead of the
// setjmp block; the lowering is the same: cleanup-push, the body,
// cleanup-pop, and the handler's effects when pop's argument is nonzero.

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_it(void *p) { pthread_mutex_unlock(p); }

void pop1(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

void pop0(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(0);
  pthread_mutex_unlock(&m);
}

void free_handler(int fd) {
  char *p = malloc(8);
  pthread_cleanup_push(free, p);
  read(fd, p, 8);
  pthread_cleanup_pop(1);
}

void stop(pthread_t t) { pthread_cancel(t); }
