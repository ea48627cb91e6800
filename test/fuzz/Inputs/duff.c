#include <pthread.h>
#include <unistd.h>
pthread_mutex_t m;
void duff(int fd, char *to, char *from, int count)
{
	int n = (count + 7) / 8;
	pthread_mutex_lock(&m);
	switch (count % 8) {
	case 0: do { *to = *from++; read(fd, to, 1);
	case 7: *to = *from++;
	case 6: *to = *from++;
	case 5: { case 4: *to = *from++; }
	case 3: if (n) { case 2: *to = *from++; }
	case 1: *to = *from++;
		} while (--n > 0);
	}
	pthread_mutex_unlock(&m);
}
