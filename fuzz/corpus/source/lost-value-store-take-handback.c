// The message taken from the store is handed back by a cancellation
// cleanup handler: cancelled in the write, the handler returns it.
// With -fexceptions glibc builds the handlers as cleanup-attribute frames:
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct msg {
	struct msg *next;
	int len;
	char data[56];
};

struct store {
	pthread_mutex_t mu;
	struct msg *head;
	int next_len;
};

struct taken {
	struct store *s;
	struct msg *m;
};

static struct store global_store = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

void stop(pthread_t t) { pthread_cancel(t); }

static struct msg *store_take(struct store *s)
{
	struct msg *m = malloc(sizeof *m);
	if (m) {
		pthread_mutex_lock(&s->mu);
		m->len = s->next_len;
		pthread_mutex_unlock(&s->mu);
	}
	return m;
}

static void store_put(struct store *s, struct msg *m)
{
	pthread_mutex_lock(&s->mu);
	m->next = s->head;
	s->head = m;
	pthread_mutex_unlock(&s->mu);
}

static void give_back(void *arg)
{
	struct taken *t = arg;
	store_put(t->s, t->m);
}

static void give_back_global(void *m)
{
	store_put(&global_store, m);
}

int forward_good_1(struct store *s, int fd)
{
	int n;
	struct taken t = { s, store_take(s) };
	if (!t.m)
		return -1;
	pthread_cleanup_push(give_back, &t);
	n = write(fd, t.m->data, t.m->len);
	pthread_cleanup_pop(1);
	return n;
}

int forward_good_2(int fd)
{
	int n;
	struct msg *m = store_take(&global_store);
	if (!m)
		return -1;
	pthread_cleanup_push(give_back_global, m);
	n = write(fd, m->data, m->len);
	pthread_cleanup_pop(1);
	return n;
}
