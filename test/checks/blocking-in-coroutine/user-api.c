// A runtime of the user's own: CCK_COROUTINE_BODY names what runs as a
// coroutine, CCK_BLOCKS what blocks the thread (or the same in the config).
// RUN: not %cancelcheck --checks='-*,blocking-in-coroutine' %s -- -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck --checks='-*,blocking-in-coroutine' --config=%S/Inputs/runtime.yaml \
// RUN:   %s -- -I%annotations -DNO_ANNOTATIONS | FileCheck %s --implicit-check-not='warning:'
#include <cancelcheck/annotations.h>

#ifdef NO_ANNOTATIONS
#undef CCK_COROUTINE_BODY
#undef CCK_BLOCKS
#define CCK_COROUTINE_BODY(n)
#define CCK_BLOCKS
#endif

struct rt;
typedef void (*task_fn)(void *);
int rt_go(struct rt *rt, task_fn fn, void *arg) CCK_COROUTINE_BODY(2);
int rt_start_thread(task_fn fn, void *arg);
/* Waits on a hardware register: blocks the thread. */
void dev_wait_ready(int dev) CCK_BLOCKS;

static void poller(void *arg)
{
	dev_wait_ready(*(int *)arg);
// CHECK: user-api.c:[[@LINE-1]]:2: warning: 'dev_wait_ready' blocks the thread inside coroutine 'poller'
}

static void poller_thread(void *arg)
{
	dev_wait_ready(*(int *)arg);	/* a thread of its own: may block */
}

int start(struct rt *rt, int *dev)
{
	if (rt_go(rt, poller, dev) < 0)
		return -1;
	return rt_start_thread(poller_thread, dev);
}
