#include <pthread.h>
#include <unistd.h>

struct queue {
	pthread_mutex_t mu;
	int len;
};

int report(struct queue *q, int fd);

int main(void)
{
	struct queue q = { PTHREAD_MUTEX_INITIALIZER, 0 };
	pthread_mutex_lock(&q.mu);
	q.len = 1;
	pthread_mutex_unlock(&q.mu);
	return report(&q, -1) ? 0 : 1;
}
