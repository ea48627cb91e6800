#include <pthread.h>
#include <unistd.h>
#include <stdlib.h>
pthread_mutex_t m;
static void h(void *a) { pthread_mutex_unlock(a); }
void f(int fd, int k)
{
	pthread_cleanup_push(h, &m);
	pthread_cleanup_push(free, (void *)0);
	if (k) goto skip;
	pthread_cleanup_push(h, k ? &m : 0);
	read(fd, &k, 1);
	pthread_cleanup_pop(k);
skip:
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(1);
}
void g(int fd)
{
	void (*fp)(void *) = h;
	pthread_cleanup_push(fp, &m);
	pthread_cleanup_push(((void (*)(void *))free), &m);
	read(fd, 0, 0);
	pthread_cleanup_pop(1);
	pthread_cleanup_pop(1);
}
void cl(char **p) { free(*p); }
int h2(int fd)
{
	__attribute__((cleanup(cl))) char *a = malloc(1), *b = malloc(2);
	__attribute__((cleanup(cl))) char *c[2];
	{ __attribute__((cleanup(cl))) char *d = 0; if (fd) return read(fd, a, 1); }
	return 0;
}
