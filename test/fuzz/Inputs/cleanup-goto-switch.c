#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static void unlock(void *m) { pthread_mutex_unlock(m); }

int f(int fd, int k)
{
	char *buf = malloc(64);
	if (!buf)
		return -1;
	pthread_mutex_lock(&mu);
	pthread_cleanup_push(unlock, &mu);
	pthread_cleanup_push(free, buf);
	switch (k) {
	case 0:
		if (read(fd, buf, 64) < 0)
			goto out;
		/* fallthrough */
	case 1:
		sleep(1);
		break;
	default:
		for (int i = 0; i < k; i++)
			if (write(fd, buf, i) < 0)
				goto out;
	}
out:
	pthread_cleanup_pop(1);
	pthread_cleanup_pop(1);
	return 0;
}
