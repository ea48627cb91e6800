// pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old) saves the state it
// replaces; restoring `old` ends the shield only if it was enabled before,
// so nested shields (a shielded helper inside a shielded region) hold.
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void nested_good_1(int fd, char *buf)
{
	int old, inner;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &inner);
	read(fd, buf, 1);
	pthread_setcancelstate(inner, NULL);	/* back to disabled */
	read(fd, buf, 1);
	pthread_mutex_unlock(&mu);
	pthread_setcancelstate(old, NULL);
}

void restored_bad_1(int fd, char *buf)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(old, NULL);	/* enabled again */
	read(fd, buf, 1);
	pthread_mutex_unlock(&mu);
}

void explicit_enable_bad_2(int fd, char *buf)
{
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	pthread_mutex_lock(&mu);
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
	read(fd, buf, 1);
	pthread_mutex_unlock(&mu);
	pthread_setcancelstate(old, NULL);
}
