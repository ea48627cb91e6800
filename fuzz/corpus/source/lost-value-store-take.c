// A message taken from a store (a same-TU function returning malloc'd
// memory) and written out: cancelled in the write, it is never handed back
// to the store nor freed. The message is lost.
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

int forward_bad_1(struct store *s, int fd)
{
	struct msg *m = store_take(s);
	if (!m)
		return -1;
	int n = write(fd, m->data, m->len);
	store_put(s, m);
	return n;
}

// Handed back before the write: the write loses nothing.
int forward_good_1(struct store *s, int fd)
{
	char copy[56];
	int len;
	struct msg *m = store_take(s);
	if (!m)
		return -1;
	len = m->len;
	for (int i = 0; i < len; i++)
		copy[i] = m->data[i];
	store_put(s, m);
	return write(fd, copy, len);
}
