/* A source line with control bytes and a CRLF ending. */
#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int f(int fd)
{
	pthread_mutex_lock(&m);
	int r = (int)read(fd, &m, 1); /* [2J */
	pthread_mutex_unlock(&m);
	return r;
}
void stop(pthread_t t) { pthread_cancel(t); }
