// pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, ...) opens a shield and
// pthread_setcancelstate(PTHREAD_CANCEL_ENABLE or a saved state, ...)
// closes it; the calls between are still suspend events (the dataflow
// knows they have no cancel edge inside the shield).

#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

void disable_enable(int fd, char *buf) {
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
  read(fd, buf, 1);
  pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
}

// The save/restore idiom: restoring the saved state closes the shield.
void save_restore(int fd, char *buf) {
  int old;
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
  read(fd, buf, 1);
  pthread_setcancelstate(old, NULL);
}

// A checked call: the shield opens before the branch on its result; the
// read after the shield closes is outside it.
void checked(int fd, char *buf) {
  int old;
  if (pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old) != 0)
    return;
  read(fd, buf, 1);
  pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
  read(fd, buf, 1);
}

// pthread_setcanceltype is not a shield.
void cancel_type(void) {
  int o;
  pthread_setcanceltype(PTHREAD_CANCEL_DEFERRED, &o);
}
