// RUN: env CCO_BACKEND=epoll %cco_bin/event_basic
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/event_basic %}
/* The event: set wakes every waiter and stays set (later waits return at
 * once) until reset; a waiter woken by set returns 0 even if the event is
 * reset before it runs. */
#include "rt_sync.h"

static int64_t body(void *arg)
{
	cco_event *e = cco_event_new();
	struct rt_op w[3], late = { 0 };
	cco_scope *s = rt_scope();

	EXPECT(e != NULL);
	EXPECT_EQ(cco_event_wait(e, rt_ms(5)), -ETIMEDOUT);
	for (int i = 0; i < 3; i++) {
		w[i] = (struct rt_op){ .e = e };
		rt_go(s, rt_waiter, &w[i]);
	}
	rt_settle();
	for (int i = 0; i < 3; i++)
		EXPECT(!w[i].done);
	cco_event_set(e);
	rt_settle();
	for (int i = 0; i < 3; i++)
		EXPECT(w[i].done && w[i].rc == 0);
	EXPECT_EQ(cco_event_wait(e, -1), 0);	/* stays set */
	cco_event_set(e);			/* idempotent */
	EXPECT_EQ(cco_event_wait(e, -1), 0);

	cco_event_reset(e);
	EXPECT_EQ(cco_event_wait(e, rt_ms(5)), -ETIMEDOUT);
	late.e = e;
	rt_go(s, rt_waiter, &late);
	rt_settle();
	EXPECT(!late.done);
	cco_event_set(e);
	cco_event_reset(e);			/* before late runs */
	rt_settle();
	EXPECT(late.done);
	EXPECT_EQ(late.rc, 0);
	EXPECT_EQ(cco_event_wait(e, rt_ms(5)), -ETIMEDOUT);
	rt_close(s);
	cco_event_free(e);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
