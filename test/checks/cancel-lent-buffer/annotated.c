// A user's completion API described by annotations (and the same API by
// the config file): submit lends its buffer until a reap; my_read lends
// its buffer only for the duration of the call, so returning with it
// still lent is a finding in its body.
// RUN: not %cancelcheck --checks='-*,cancel-lent-buffer' %s -- -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck --checks='-*,cancel-lent-buffer' \
// RUN:   --config=%S/Inputs/engine.yaml %s -- -I%annotations -DNO_ANNOTATIONS \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <cancelcheck/annotations.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/types.h>

#ifdef NO_ANNOTATIONS
#undef CCK_LENDS_UNTIL_REAP_ON
#undef CCK_LENDS_IF
#undef CCK_REAPS_ON
#undef CCK_LENDS
#undef CCK_SUSPENDS_RETURNS
#define CCK_LENDS_UNTIL_REAP_ON(n, s)
#define CCK_LENDS_IF(s)
#define CCK_REAPS_ON(n)
#define CCK_LENDS(n)
#define CCK_SUSPENDS_RETURNS
#endif

struct engine;
/* Queues a read into buf; 0 if queued. buf is the engine's until reaped. */
int engine_submit(struct engine *e, void *buf, size_t n)
	CCK_LENDS_UNTIL_REAP_ON(2, 1) CCK_LENDS_IF(zero);
/* Waits for every queued operation of e to complete. */
int engine_reap(struct engine *e) CCK_REAPS_ON(1);
/* Waits for e to have completions; cancellable. */
int engine_wait(struct engine *e, long deadline) CCK_SUSPENDS_RETURNS;

int load_bad(struct engine *e, long deadline)
{
	char *buf = malloc(512);
	if (!buf)
		return -ENOMEM;
	if (engine_submit(e, buf, 512) != 0) {
		free(buf);	/* not queued: still ours */
		return -EIO;
	}
	int rc = engine_wait(e, deadline);
	if (rc < 0) {
		free(buf);
// CHECK: annotated.c:[[@LINE-1]]:3: warning: 'buf' is released by 'free' while the operation it was lent to may still use it [cancel-lent-buffer]
// CHECK: annotated.c:[[@LINE-8]]:6: note: 'buf' lent here to 'engine_submit' until its completion is reaped
// CHECK: annotated.c:[[@LINE-5]]:11: note: on the path taken when 'engine_wait' is cancelled here
		return rc;
	}
	engine_reap(e);
	free(buf);
	return 0;
}

int load_good(struct engine *e, long deadline)
{
	char *buf = malloc(512);
	if (!buf)
		return -ENOMEM;
	if (engine_submit(e, buf, 512) != 0) {
		free(buf);
		return -EIO;
	}
	int rc = engine_wait(e, deadline);
	engine_reap(e);		/* cancelled or not, the engine gives it back */
	free(buf);
	return rc < 0 ? rc : 0;
}

/* Reads into buf; back to the caller when it returns. */
ssize_t my_read(struct engine *e, void *buf, size_t n, long deadline) CCK_LENDS(2);

ssize_t my_read(struct engine *e, void *buf, size_t n, long deadline)
{
	if (engine_submit(e, buf, n) != 0)
		return -EIO;
	int rc = engine_wait(e, deadline);
	if (rc < 0)
		return rc;
// CHECK: annotated.c:[[@LINE-1]]:3: warning: 'my_read' returns while 'buf' is still lent to an operation: its callers expect it back when the call returns [cancel-lent-buffer]
	engine_reap(e);
	return (ssize_t)n;
}

ssize_t my_read_good(struct engine *e, void *buf, size_t n, long deadline) CCK_LENDS(2);

ssize_t my_read_good(struct engine *e, void *buf, size_t n, long deadline)
{
	if (engine_submit(e, buf, n) != 0)
		return -EIO;
	int rc = engine_wait(e, deadline);
	engine_reap(e);
	return rc < 0 ? rc : (ssize_t)n;
}
