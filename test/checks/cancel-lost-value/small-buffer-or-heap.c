// A pointer that is either a local buffer or a heap block (the small-size
// optimisation) is freed under "if (p != buf)": a heap block is never the
// address of a local, so on the other edge nothing was allocated.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void *fill_good_1(void *arg)
{
	char small[64], *p = small;
	size_t n = (size_t)arg;
	if (n > sizeof small) {
		p = malloc(n);
		if (!p)
			return NULL;
	}
	pthread_cleanup_push(free, p != small ? p : NULL);
	read(0, p, n);
	pthread_cleanup_pop(0);
	if (p != small)
		free(p);
	return NULL;
}

struct item { int n; };

void *fill_good_2(void *arg)
{
	struct item one, *it = &one;
	if (arg) {
		it = malloc(sizeof *it);
		if (!it)
			return NULL;
	}
	if (it == &one) {
		pthread_testcancel();	/* nothing was allocated on this edge */
		return NULL;
	}
	free(it);
	return NULL;
}

// Compared with the local, but freed only when equal: the heap block leaks.
void *fill_bad_1(void *arg)
{
	char small[64], *p = small;
	if (arg) {
		p = malloc(128);
		if (!p)
			return NULL;
	}
	if (p == small)
		return NULL;
	pthread_testcancel();
// CHECK: small-buffer-or-heap.c:[[@LINE-1]]:2: warning: 'p' is leaked if 'pthread_testcancel' is cancelled here [cancel-lost-value]
	free(p);
	return NULL;
}
