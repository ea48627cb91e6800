// acquire_capability(m) naming a pointer parameter: the guard is the
// argument itself, as the caller wrote it. A capability naming a global is
// the guard '&global'.
// These locks block the thread: suspend-holding-lock reports each one held at
// a suspend too (test/checks/suspend-holding-lock/); here only the
// cancel-held-guard side is under test.
// RUN: not %cancelcheck --checks=-suspend-holding-lock %s -- -I%annotations -Wthread-safety | FileCheck %s --implicit-check-not='warning:'
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct __attribute__((capability("mutex"))) mutex { int opaque; };
struct conn { struct mutex wr; int fd; };
extern struct mutex big_lock;

void mutex_lock(struct mutex *m) __attribute__((acquire_capability(m)));
void mutex_unlock(struct mutex *m) __attribute__((release_capability(m)));
void big_lock_take(void) __attribute__((acquire_capability(big_lock)));
void big_lock_drop(void) __attribute__((release_capability(big_lock)));
int conn_flush(struct conn *c, int64_t deadline) CCK_SUSPENDS_RETURNS;

int flush_bad_1(struct mutex *m, struct conn *c)
{
	mutex_lock(m);
	int rc = conn_flush(c, -1);
// CHECK: thread-safety-param.c:[[@LINE-1]]:11: warning: 'm' is still held if 'conn_flush' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-param.c:[[@LINE-3]]:2: note: 'm' acquired here by 'mutex_lock'
	if (rc < 0)
		return rc;
	mutex_unlock(m);
	return 0;
}

int flush_good_1(struct mutex *m, struct conn *c)
{
	mutex_lock(m);
	int rc = conn_flush(c, -1);
	mutex_unlock(m);
	return rc;
}

int flush_bad_2(struct conn *c)
{
	mutex_lock(&c->wr);
	int rc = conn_flush(c, -1);
// CHECK: thread-safety-param.c:[[@LINE-1]]:11: warning: '&c->wr' is still held if 'conn_flush' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-param.c:[[@LINE-3]]:2: note: '&c->wr' acquired here by 'mutex_lock'
	if (rc == -ECANCELED)
		return rc;
	mutex_unlock(&c->wr);
	return rc;
}

int flush_good_2(struct conn *c)
{
	mutex_lock(&c->wr);
	int rc = conn_flush(c, -1);
	if (rc == -ECANCELED) {
		mutex_unlock(&c->wr);
		return rc;
	}
	mutex_unlock(&c->wr);
	return rc;
}

// A capability naming a global variable.
int flush_bad_3(struct conn *c)
{
	big_lock_take();
	int rc = conn_flush(c, -1);
// CHECK: thread-safety-param.c:[[@LINE-1]]:11: warning: '&big_lock' is still held if 'conn_flush' is cancelled here [cancel-held-guard]
// CHECK: thread-safety-param.c:[[@LINE-3]]:2: note: '&big_lock' acquired here by 'big_lock_take'
	if (rc < 0)
		return rc;
	big_lock_drop();
	return 0;
}

// The same global, released through the pointer API.
int flush_good_3(struct conn *c)
{
	big_lock_take();
	int rc = conn_flush(c, -1);
	mutex_unlock(&big_lock);
	return rc;
}
