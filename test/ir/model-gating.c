// The posix model only applies where cancellation is used: with no
// pthread_cancel/testcancel/setcancelstate/setcanceltype/cleanup_push in
// the TU, read() is a plain call and mutexes are not guards. --model=posix
// enables it explicitly; a call to pthread_cancel anywhere in the TU
// enables it automatically.
// RUN: %cancelcheck --dump-ir %s | FileCheck --check-prefix=OFF %s
// RUN: %cancelcheck --dump-ir --model=posix %s | FileCheck --check-prefix=ON %s
// RUN: %cancelcheck --dump-ir %s -- -DUSE_CANCEL | FileCheck --check-prefix=ON %s
// RUN: %cancelcheck --dump-ir %s -- -DUSE_TESTCANCEL | FileCheck --check-prefix=ON %s

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

// OFF-LABEL: function locked_read
// OFF-NEXT:  bb0:
// OFF-NEXT:    kill %t{{[0-9]+}} [pthread_mutex_lock]
// OFF-NEXT:    kill n [read]
// OFF-NEXT:    kill %t{{[0-9]+}} [pthread_mutex_unlock]
// OFF-NEXT:    kill %t{{[0-9]+}} [malloc]
// OFF-NEXT:    return n
// ON-LABEL:  function locked_read
// ON-NEXT:   bb0:
// ON-NEXT:     acquire &m [pthread_mutex_lock]
// ON-NEXT:     kill %t{{[0-9]+}} [pthread_mutex_lock]
// ON-NEXT:     suspend cancel=unwinds [read] -> n
// ON-NEXT:     release &m [pthread_mutex_unlock]
// ON-NEXT:     kill %t{{[0-9]+}} [pthread_mutex_unlock]
// ON-NEXT:     own [malloc] -> %t{{[0-9]+}} if nonzero
// ON-NEXT:     return n
int locked_read(int fd, char *buf) {
  pthread_mutex_lock(&m);
  int n = read(fd, buf, 1);
  pthread_mutex_unlock(&m);
  malloc(1);
  return n;
}

#ifdef USE_CANCEL
void stop(pthread_t t) { pthread_cancel(t); }
#endif
#ifdef USE_TESTCANCEL
void poll_cancel(void) { pthread_testcancel(); }
#endif
