#include <pthread.h>
#include <unistd.h>
#include <stdlib.h>
pthread_mutex_t m;
int f(int fd, int k)
{
	char *p = malloc(4);
	for (int i = 0; i < k; i++) {
		int r = ({ if (i == 3) break; if (i == 4) continue; if (i == 5) goto out; if (i == 6) return ({ free(p); -1; }); read(fd, p, 1); });
		switch (({ pthread_mutex_lock(&m); r; })) { case 1 ... 5: pthread_mutex_unlock(&m); break; default: continue; }
	}
out:
	free(p);
	return ({ int z = ({ 0; }); z; });
}
