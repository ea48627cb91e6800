#include <pthread.h>
#include <unistd.h>
pthread_mutex_t m;
int f(int fd, int k)
{
	static void *tbl[] = { &&a, &&b, &&c };
	__label__ x;
	pthread_mutex_lock(&m);
	goto *tbl[k % 3];
a:	read(fd, &k, 1);
b:	pthread_mutex_unlock(&m);
c:	if (k) goto *(k > 1 ? &&a : &&b);
x:	return k;
}
int g(void) { goto *0; }
int h(int fd) { void *p = &&l; l: if (read(fd, &p, 1) > 0) goto *p; return 0; }
