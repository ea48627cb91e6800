// Nothing cancels the main thread: code that only main runs (main, and
// static functions reached from it alone, whose address is never taken)
// gets no deferred-cancellation finding. A thread's start routine, what
// it calls, and functions other files may call can run on a cancellable
// thread and are still checked.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck --verbose --checks='-*,cancel-held-guard' %s -- -pthread 2>&1 \
// RUN:   >/dev/null | FileCheck --check-prefix=VERBOSE %s
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static char buf[64];

static void fill_good_1(int fd)
{
	pthread_mutex_lock(&mu);
	read(fd, buf, sizeof buf);
	pthread_mutex_unlock(&mu);
}
// VERBOSE: note: 'fill_good_1' runs only on the main thread, which nothing cancels: not reported

static void fill_both_bad_1(int fd)
{
	pthread_mutex_lock(&mu);
	read(fd, buf, sizeof buf);
// CHECK: main-thread-only.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
}

// Not static: another file may call it from a thread.
void fill_exported_bad_2(int fd)
{
	pthread_mutex_lock(&mu);
	read(fd, buf, sizeof buf);
// CHECK: main-thread-only.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
}

static void *reader_bad_3(void *arg)
{
	fill_both_bad_1(0);
	pthread_mutex_lock(&mu);
	read(0, buf, sizeof buf);
// CHECK: main-thread-only.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
	return arg;
}

// Handed by main to a test driver: main may call it, no thread is started
// in it (a function that takes another's address may call it).
extern int run_test(int (*fn)(void));
static int test_good_2(void)
{
	pthread_mutex_lock(&mu);
	read(0, buf, sizeof buf);
	pthread_mutex_unlock(&mu);
	return 0;
}

// In a static table of callbacks that only main reads: main's.
static int handler_good_3(void)
{
	pthread_mutex_lock(&mu);
	read(0, buf, sizeof buf);
	pthread_mutex_unlock(&mu);
	return 0;
}
static int (*const handlers[])(void) = { handler_good_3 };

// In a table other files can read: any thread may run it.
static int handler_bad_4(void)
{
	pthread_mutex_lock(&mu);
	read(0, buf, sizeof buf);
// CHECK: main-thread-only.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
	return 0;
}
int (*const exported_handlers[])(void) = { handler_bad_4 };

// Started as a thread with &fn.
static void *poller_bad_5(void *arg)
{
	pthread_mutex_lock(&mu);
	read(0, buf, sizeof buf);
// CHECK: main-thread-only.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'read' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
	return arg;
}

int main(void)
{
	pthread_t t, u;
	pthread_create(&t, NULL, reader_bad_3, NULL);
	pthread_create(&u, NULL, &poller_bad_5, NULL);
	run_test(test_good_2);
	handlers[0]();
	fill_good_1(0);
	fill_both_bad_1(0);
	fill_exported_bad_2(0);
	pthread_mutex_lock(&mu);
	pthread_cancel(t);
	pthread_join(t, NULL);
	pthread_mutex_unlock(&mu);
	return 0;
}
