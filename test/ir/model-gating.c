// The posix model only applies where cancellation is used: with no
// cancellation call in the TU, read() is a plain call. libc's owned values
// (malloc) are owned, and its locks held, under every model. --model=posix enables it explicitly; a call that cancels (or
// tests, or changes the cancel state) anywhere in the TU enables it
// automatically. The variants with such a call are made with sed, so that
// this file itself never names those functions.
// RUN: %cancelcheck --dump-ir %s | FileCheck --check-prefix=OFF %s
// RUN: %cancelcheck --dump-ir --model=posix %s | FileCheck --check-prefix=ON %s
// RUN: sed -e 's|^// CANCEL-HERE$|void stop(pthread_t t) { pthread_##cancel(t); }|' -e 's|##||' %s > %t.cancel.c
// RUN: %cancelcheck --dump-ir %t.cancel.c | FileCheck --check-prefix=ON %s
// RUN: sed -e 's|^// CANCEL-HERE$|void poll(void) { pthread_##testcancel(); }|' -e 's|##||' %s > %t.test.c
// RUN: %cancelcheck --dump-ir %t.test.c | FileCheck --check-prefix=ON %s

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

// OFF-LABEL: function locked_read
// OFF-NEXT:  bb0:
// OFF-NEXT:    acquire &m [pthread_mutex_lock]
// OFF-NEXT:    kill %t{{[0-9]+}} [pthread_mutex_lock]
// OFF-NEXT: block [read]
// OFF-NEXT:    kill n [read]
// OFF-NEXT:    release &m [pthread_mutex_unlock]
// OFF-NEXT:    kill %t{{[0-9]+}} [pthread_mutex_unlock]
// OFF-NEXT:    own [malloc] -> %t{{[0-9]+}} if nonzero
// OFF-NEXT:    return n
// ON-LABEL:  function locked_read
// ON-NEXT:   bb0:
// ON-NEXT:     acquire &m [pthread_mutex_lock]
// ON-NEXT:     kill %t{{[0-9]+}} [pthread_mutex_lock]
// ON-NEXT: block [read]
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

// CANCEL-HERE
