// A realistic worker pool and file copier: the handlers cover the mutex and
// the buffer; only the descriptor, which nothing closes on cancellation,
// is reported at the two cancellation points that hold it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

struct job { struct job *next; void (*fn)(void *); void *arg; };
struct pool { pthread_mutex_t mu; pthread_cond_t cv; struct job *head; int stop; };

static void unlock_mu(void *m) { pthread_mutex_unlock(m); }

void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		struct job *j;
		pthread_mutex_lock(&p->mu);
		pthread_cleanup_push(unlock_mu, &p->mu);
		while (!p->head && !p->stop)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			pthread_exit(NULL);
		}
		j = p->head;
		p->head = j->next;
		pthread_cleanup_pop(1);
		j->fn(j->arg);
		free(j);
	}
	return NULL;
}

int copy_file(const char *from, const char *to)
{
	char *buf = malloc(65536);
	if (!buf)
		return -1;
	int rc = 0;
	pthread_cleanup_push(free, buf);
	int in = open(from, O_RDONLY);
	if (in < 0) {
		rc = -1;
	} else {
		ssize_t n;
		while ((n = read(in, buf, 65536)) > 0)
			write(1, buf, n);
		close(in);
	}
	pthread_cleanup_pop(1);
	return rc;
}

char *read_line(FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	if (getline(&line, &cap, f) < 0) {
		free(line);
		return NULL;
	}
	return line;
}

int log_msg(int fd, const char *m)
{
	char *copy = strdup(m);
	if (!copy)
		return -1;
	size_t len = strlen(copy);
	int old;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	write(fd, copy, len);
	pthread_setcancelstate(old, NULL);
	free(copy);
	return 0;
}

void stop(pthread_t t) { pthread_cancel(t); }
