// The cleanup-pop event is located at the pthread_cleanup_pop line, with
// and without -fexceptions (where glibc's frame variable is declared on
// the push line and destroyed at the pop).

#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_it(void *p) { pthread_mutex_unlock(p); }

void pop1(int fd, char *buf) {
  pthread_mutex_lock(&m);
  pthread_cleanup_push(unlock_it, &m);
  read(fd, buf, 1);
  pthread_cleanup_pop(1);
}

// Falling off the end of a function: the pop is at the closing brace.
static void unlock_pp(pthread_mutex_t **p) { pthread_mutex_unlock(*p); }
void falls_off(int fd, char *buf) {
  pthread_mutex_t *g __attribute__((cleanup(unlock_pp))) = &m;
  read(fd, buf, 1);
}

void stop(pthread_t t) { pthread_cancel(t); }
