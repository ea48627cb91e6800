/* A file outside the source root: the guard is taken on line 6 and held
 * across read() on line 7. */
#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
int f(int fd, char *b) { pthread_mutex_lock(&lock);
	int r = (int)read(fd, b, 4); pthread_mutex_unlock(&lock); return r; }
void stop(pthread_t t) { pthread_cancel(t); }
