// Linking an object into an intrusive list through the address of its
// member (&ev->node) hands the object over: the list reaches it again with
// container_of. Both with a list function we cannot see and with one
// defined here.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>

struct node { struct node *next, *prev; };
struct event { int kind; struct node link; };

extern void list_append(struct node *n, struct node *head);	/* elsewhere */

static struct node pending = { &pending, &pending };
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static inline void link_before(struct node *n, struct node *head)
{
	n->prev = head->prev;
	n->next = head;
	head->prev->next = n;
	head->prev = n;
}

void *post_good_1(void *arg)
{
	struct event *ev = malloc(sizeof *ev);
	if (!ev)
		return NULL;
	list_append(&ev->link, &pending);
	pthread_testcancel();
	return arg;
}

void *post_good_2(void *arg)
{
	struct event *ev = malloc(sizeof *ev);
	if (!ev)
		return NULL;
	pthread_mutex_lock(&mu);
	link_before(&ev->link, &pending);
	pthread_mutex_unlock(&mu);
	pthread_testcancel();
	return arg;
}

// Linked only after the cancellation point: leaked if cancelled there.
void *post_bad_1(void *arg)
{
	struct event *ev = malloc(sizeof *ev);
	if (!ev)
		return NULL;
	pthread_testcancel();
// CHECK: intrusive-list-member.c:[[@LINE-1]]:2: warning: 'ev' is leaked if 'pthread_testcancel' is cancelled here [cancel-lost-value]
	list_append(&ev->link, &pending);
	return arg;
}
