// Summaries through recursion: a function that suspends only through a
// mutually recursive partner still suspends, and a self-recursive wrapper
// that always ends up locking acquires. Both are found at the caller.
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void stop(pthread_t t) { pthread_cancel(t); }

struct node { struct node *kids[2]; int fd; };

static void walk(struct node *n, char *buf);

static void walk_kids(struct node *n, char *buf)
{
	for (int i = 0; i < 2; i++)
		walk(n->kids[i], buf);
}

static void walk(struct node *n, char *buf)
{
	if (!n)
		return;
	walk_kids(n, buf);
	read(n->fd, buf, 1);
}

void walk_locked_bad_1(struct node *root, char *buf)
{
	pthread_mutex_lock(&mu);
	walk_kids(root, buf);
	pthread_mutex_unlock(&mu);
}

void walk_unlocked_good_1(struct node *root, char *buf)
{
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	walk_kids(root, buf);
}

static void lock_after(int n)
{
	if (n == 0) {
		pthread_mutex_lock(&mu);
		return;
	}
	lock_after(n - 1);
}

long lock_recursive_bad_2(int fd, char *buf)
{
	lock_after(3);
	long r = read(fd, buf, 8);
	pthread_mutex_unlock(&mu);
	return r;
}

long lock_recursive_good_2(int fd, char *buf)
{
	lock_after(3);
	pthread_mutex_unlock(&mu);
	return read(fd, buf, 8);
}
