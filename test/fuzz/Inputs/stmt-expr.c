#include <pthread.h>
#include <unistd.h>
#include <stdlib.h>

#define LOCKED(m, e) ({ pthread_mutex_lock(m); __auto_type _r = (e); pthread_mutex_unlock(m); _r; })

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

int g(int fd)
{
	char b[8];
	int n = LOCKED(&m, read(fd, b, sizeof b));
	void *p = ({ void *q = malloc(n > 0 ? n : 1); if (!q) return -1; q; });
	int r = ({ int t = read(fd, p, 1); t < 0 ? ({ free(p); -1; }) : t; });
	free(p);
	return r + ({ 0; });
}
