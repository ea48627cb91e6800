// A path holding more guards than a path state tracks: the ones that do
// not fit are forgotten (never guessed) and --verbose says the function's
// analysis is partial.
// RUN: not %cancelcheck --verbose %s -- -pthread 2>&1 >/dev/null | FileCheck %s
// RUN: not %cancelcheck %s -- -pthread 2>&1 >/dev/null | count 0
// CHECK: verbose-partial.c:[[@LINE+4]]:6: note: in 'many_locks': more guards, values or cleanups on one path than are tracked; the analysis of this function is partial
#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t m[12];
void many_locks(int fd, char *buf)
{
	for (int i = 0; i < 12; i++)
		pthread_mutex_lock(&m[i]);
	pthread_mutex_lock(&m[0]); pthread_mutex_lock(&m[1]); pthread_mutex_lock(&m[2]);
	pthread_mutex_lock(&m[3]); pthread_mutex_lock(&m[4]); pthread_mutex_lock(&m[5]);
	pthread_mutex_lock(&m[6]); pthread_mutex_lock(&m[7]); pthread_mutex_lock(&m[8]);
	pthread_mutex_lock(&m[9]); pthread_mutex_lock(&m[10]); pthread_mutex_lock(&m[11]);
	read(fd, buf, 1);
}
void stop(pthread_t t) { pthread_cancel(t); }
