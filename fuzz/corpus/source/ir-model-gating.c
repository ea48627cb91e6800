// The posix model only applies where cancellation is used: with no
// cancellation call in the TU, read() is a plain call and mutexes are not
// guards. --model=posix enables it explicitly; a call that cancels (or
// tests, or changes the cancel state) anywhere in the TU enables it
// automatically. The variants with such a call are made with sed, so that
// this file itself never names those functions.

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int locked_read(int fd, char *buf) {
  pthread_mutex_lock(&m);
  int n = read(fd, buf, 1);
  pthread_mutex_unlock(&m);
  malloc(1);
  return n;
}

// CANCEL-HERE
