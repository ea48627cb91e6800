#include <pthread.h>
int f(int x {
	pthread_cleanup_push(
	switch (x) { case 1: goto ; default: }
	return ({ x +; });
}
void g(void) { pthread_cleanup_pop(1); }}
struct { int a; } h(void) { lab: lab: goto nowhere; }
