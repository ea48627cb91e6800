// Owned values under the posix model: "own [callee] -> VAR if MASK" where
// MASK says which results are a real value (malloc: nonzero, open/socket:
// nonneg); free/close/fclose consume by call; a plain assignment is a copy;
// storing into memory consumes by store; passing to a function we cannot
// see consumes by escape.

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

void take(char *p);
struct box { char *p; int fd; };

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
void moves(struct box *bx) {
  char *p = malloc(4);
  char *q = p;
  bx->p = q;
  char *r = malloc(4);
  take(r);
  bx->p = malloc(8);
}

// Returning an owned value hands it to the caller: "return VAR".
char *give(void) {
  char *p = malloc(4);
  if (p == NULL)
    return NULL;
  return p;
}

// Overwriting a variable replaces its old value: NULL is "set p zero".
void overwrite(void) {
  char *p = malloc(4);
  p = NULL;
}
