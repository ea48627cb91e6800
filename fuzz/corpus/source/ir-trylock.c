// Try-acquires: "acquire KEY [callee] -> RES if zero" holds the guard only
// on paths where RES is zero; the branch on RES follows. Guard keys are the
// argument as written (&m, &o->mu).

#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
struct obj { pthread_mutex_t mu; };

void direct(void) {
  if (pthread_mutex_trylock(&m) == 0)
    pthread_mutex_unlock(&m);
}

// The result kept in a variable, tested later with != 0.
int saved(struct obj *o) {
  int rc = pthread_mutex_trylock(&o->mu);
  if (rc != 0)
    return rc;
  pthread_mutex_unlock(&o->mu);
  return 0;
}

// if (trylock(...)) tests the result against 0: nonzero is the busy path.
void truthy(void) {
  if (pthread_mutex_trylock(&m))
    return;
  pthread_mutex_unlock(&m);
}

// Plain lock/unlock for comparison: unconditional acquire, no "if".
void plain(struct obj *o) {
  pthread_mutex_lock(&o->mu);
  pthread_mutex_unlock(&o->mu);
}
