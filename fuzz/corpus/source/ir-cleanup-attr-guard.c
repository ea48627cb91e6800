// A scoped lock guard: a pointer to the mutex in a cleanup variable. The
// handler's release must name the same guard key as the acquire, so that
// with -fexceptions (the cleanup runs on the cancel unwind) nothing is
// reported and the held-guard check sees the release.

#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void unlock_pp(pthread_mutex_t **p) { pthread_mutex_unlock(*p); }

int guarded(int fd, char *buf) {
  pthread_mutex_t *g __attribute__((cleanup(unlock_pp))) = &m;
  pthread_mutex_lock(g);
  return read(fd, buf, 4);
}

void stop(pthread_t t) { pthread_cancel(t); }
