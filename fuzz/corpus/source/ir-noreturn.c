// Calls that do not return (exit, abort, _exit, pthread_exit, a failed
// assert, __builtin_unreachable) end their block with "noreturn": no edge
// to the code after them.

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void a(void);

void on_error(int x) {
  if (x < 0)
    exit(1);
  a();
}

// The statements after abort() are not in its block; nothing reaches them.
void straight(void) {
  a();
  abort();
  a();
}

void others(int x) {
  if (x == 1)
    _exit(2);
  if (x == 2)
    pthread_exit(NULL);
  if (x == 3)
    __builtin_unreachable();
}

// assert(x != 3) is a branch whose failing edge calls __assert_fail.
void asserts(int x) {
  assert(x != 3);
}
