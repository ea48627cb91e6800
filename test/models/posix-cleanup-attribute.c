// A variable with __attribute__((cleanup(fn))) is released on POSIX
// cancellation only when the thread unwinds through its frame, which glibc
// does in code compiled with -fexceptions. Without it the cleanup does not
// run on cancellation and the value leaks.
// RUN: not %cancelcheck %s -- -pthread | FileCheck %s --check-prefix=NOEXC --implicit-check-not='warning:'
// RUN: not %cancelcheck %s -- -pthread -fexceptions | FileCheck %s --check-prefix=EXC --implicit-check-not='warning:'
// The last flag wins.
// RUN: not %cancelcheck %s -- -pthread -fexceptions -fno-exceptions | FileCheck %s --check-prefix=NOEXC --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void freep(char **p) { free(*p); }

ssize_t slurp_1(int fd)
{
	__attribute__((cleanup(freep))) char *buf = malloc(4096);
	if (!buf)
		return -1;
	return read(fd, buf, 4096);
// NOEXC: posix-cleanup-attribute.c:[[@LINE-1]]:9: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
}

// Not covered by any cleanup: a finding either way.
ssize_t slurp_bad_2(int fd)
{
	char *buf = malloc(4096);
	if (!buf)
		return -1;
	ssize_t n = read(fd, buf, 4096);
// NOEXC: posix-cleanup-attribute.c:[[@LINE-1]]:14: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// EXC: posix-cleanup-attribute.c:[[@LINE-2]]:14: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
	free(buf);
	return n;
}

void *stop(pthread_t t) { pthread_cancel(t); return NULL; }
