// This file never uses thread cancellation itself (its threads are
// cancelled from another file), so the posix model stays off unless the
// config's `models: [posix]` or --model=posix turns it on.
// RUN: %cancelcheck --config=%S/Inputs/empty.yaml %s -- -pthread | count 0
// RUN: not %cancelcheck --config=%S/Inputs/posix.yaml %s -- -pthread | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck --config=%S/Inputs/posix-scalar.yaml %s -- -pthread | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck --config=%S/Inputs/empty.yaml --model=posix %s -- -pthread | FileCheck %s --implicit-check-not='warning:'
// Found upward, like any config.
// RUN: rm -rf %t && mkdir -p %t/src
// RUN: cp %s %t/src/worker.c && cp %S/Inputs/posix.yaml %t/.cancelcheck.yaml
// RUN: not %cancelcheck %t/src/worker.c -- -pthread | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct job { pthread_mutex_t mu; int fd; };

void *worker_bad_1(void *arg)
{
	struct job *j = arg;
	char *buf = malloc(4096);
	if (!buf)
		return NULL;
	pthread_mutex_lock(&j->mu);
	ssize_t n = read(j->fd, buf, 4096);
// CHECK: [[@LINE-1]]:14: warning: '&j->mu' is still held if 'read' is cancelled here [cancel-held-guard]
// CHECK: [[@LINE-2]]:14: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: [[@LINE-7]]:14: note: 'buf' obtained here from 'malloc'
	pthread_mutex_unlock(&j->mu);
	free(buf);
	return n < 0 ? NULL : arg;
}

// Nothing held or owned across the cancellation point.
void *worker_good_1(void *arg)
{
	struct job *j = arg;
	char c;
	ssize_t n = read(j->fd, &c, 1);
	pthread_mutex_lock(&j->mu);
	pthread_mutex_unlock(&j->mu);
	return n < 0 ? NULL : arg;
}
