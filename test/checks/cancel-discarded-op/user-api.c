// A user's APIs: CCK_MUST_USE (or must-use in the config) marks results
// that say what happened, suspending or not.
// RUN: not %cancelcheck --checks='-*,cancel-discarded-op' %s -- -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck --checks='-*,cancel-discarded-op' --config=%S/Inputs/must-use.yaml \
// RUN:   %s -- -I%annotations -DNO_ANNOTATIONS | FileCheck %s --implicit-check-not='warning:'
#include <cancelcheck/annotations.h>

#ifdef NO_ANNOTATIONS
#undef CCK_MUST_USE
#define CCK_MUST_USE
#endif

struct queue;
/* 0 when the cancel request was queued, -EAGAIN when the queue was full. */
int queue_cancel(struct queue *q, unsigned long id) CCK_MUST_USE;
/* Nothing to check. */
int queue_len(struct queue *q);

void stop_bad(struct queue *q, unsigned long id)
{
	queue_cancel(q, id);
// CHECK: user-api.c:[[@LINE-1]]:2: warning: the result of 'queue_cancel' is discarded: it says whether the operation happened [cancel-discarded-op]
	(void)queue_len(q);
}

int stop_good(struct queue *q, unsigned long id)
{
	while (queue_cancel(q, id) != 0)
		;
	return queue_len(q);
}
