// Owned values under the posix model: "own [callee] -> VAR if MASK" where
// MASK says which results are a real value (malloc: nonzero, open/socket:
// nonneg); free/close/fclose consume by call; a plain assignment is a copy;
// storing into memory consumes by store; passing to a function we cannot
// see consumes by escape.
// RUN: %cancelcheck --dump-ir %s --model=posix | FileCheck %s

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void take(char *p);
struct box { char *p; int fd; };

// CHECK-LABEL: function sources
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    [[@LINE+15]]:13 own [malloc] -> a if nonzero
// CHECK-NEXT:    [[@LINE+15]]:13 own [calloc] -> b if nonzero
// CHECK-NEXT:    [[@LINE+15]]:13 own [strdup] -> c if nonzero
// CHECK-NEXT:    [[@LINE+15]]:14 own [fopen] -> fp if nonzero
// CHECK-NEXT:    [[@LINE+15]]:12 suspend cancel=unwinds [open] -> fd
// CHECK-NEXT:    [[@LINE+14]]:12 own [open] -> fd if nonneg
// CHECK-NEXT:    [[@LINE+14]]:12 own [socket] -> sk if nonneg
// CHECK-NEXT:    [[@LINE+14]]:3 consume a by call [free]
// CHECK:         [[@LINE+14]]:3 consume b by call [free]
// CHECK:         [[@LINE+14]]:3 consume c by call [free]
// CHECK:         [[@LINE+14]]:3 consume fp by call [fclose]
// CHECK:         [[@LINE+14]]:3 consume fd by call [close]
// CHECK-NEXT:    [[@LINE+13]]:3 suspend cancel=unwinds [close]
// CHECK-NEXT:    [[@LINE+13]]:3 consume sk by call [close]
void sources(const char *name) {
  char *a = malloc(4);
  char *b = calloc(1, 4);
  char *c = strdup(name);
  FILE *fp = fopen(name, "r");
  int fd = open(name, O_RDONLY);
  int sk = socket(AF_INET, SOCK_STREAM, 0);
  free(a);
  free(b);
  free(c);
  fclose(fp);
  close(fd);
  close(sk);
}

// Copies, stores and escapes.
// CHECK-LABEL: function moves
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    own [malloc] -> p if nonzero
// CHECK-NEXT:    [[@LINE+10]]:9 copy q = p
// CHECK-NEXT:    [[@LINE+10]]:3 consume q by store
// CHECK-NEXT:    own [malloc] -> r if nonzero
// CHECK-NEXT:    [[@LINE+10]]:3 consume r by escape [take]
// CHECK-NEXT:    kill %t{{[0-9]+}} [take]
// CHECK-NEXT:    own [malloc] -> %t[[T:[0-9]+]] if nonzero
// CHECK-NEXT:    consume %t[[T]] by store
// CHECK-NEXT:    return
void moves(struct box *bx) {
  char *p = malloc(4);
  char *q = p;
  bx->p = q;
  char *r = malloc(4);
  take(r);
  bx->p = malloc(8);
}

// Returning an owned value hands it to the caller: "return VAR".
// CHECK-LABEL: function give
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    own [malloc] -> p if nonzero
// CHECK-NEXT:    branch p == 0 ? [[NULL:bb[0-9]+]] : [[OK:bb[0-9]+]]
// CHECK-NEXT:  [[NULL]]:
// CHECK-NEXT:    return{{$}}
// CHECK-NEXT:  [[OK]]:
// CHECK-NEXT:    return p
char *give(void) {
  char *p = malloc(4);
  if (p == NULL)
    return NULL;
  return p;
}

// Overwriting a variable replaces its old value: NULL is "set p zero".
// CHECK-LABEL: function overwrite
// CHECK-NEXT:  bb0:
// CHECK-NEXT:    own [malloc] -> p if nonzero
// CHECK-NEXT:    [[@LINE+4]]:3 set p zero
// CHECK-NEXT:    return
void overwrite(void) {
  char *p = malloc(4);
  p = NULL;
}
