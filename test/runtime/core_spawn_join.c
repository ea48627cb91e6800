// Coroutines run, yield, sleep and join; results tell how each ended.
// RUN: env CCO_BACKEND=epoll %cco_bin/core_spawn_join
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/core_spawn_join %}
#include "rt_test.h"

static int order[8], norder;

static int64_t worker(void *arg)
{
	int id = (int)(intptr_t)arg;
	order[norder++] = id;
	EXPECT_EQ(cco_yield(), 0);
	order[norder++] = id + 10;
	return id * 100;
}

static int64_t fails(void *arg)
{
	return -EIO;
}

static int64_t sleeper(void *arg)
{
	int64_t t0 = cco_now();
	EXPECT_EQ(cco_sleep(t0 + 20 * CCO_MSEC), 0);
	EXPECT(cco_now() - t0 >= 20 * CCO_MSEC);
	return 7;
}

static int64_t main_co(void *arg)
{
	cco_scope *s = cco_scope_open();
	EXPECT(s);
	cco_co *a, *b, *c, *d;
	EXPECT_EQ(cco_spawn(s, worker, (void *)1, &a), 0);
	EXPECT_EQ(cco_spawn(s, worker, (void *)2, &b), 0);
	EXPECT_EQ(cco_spawn(s, fails, NULL, &c), 0);
	EXPECT_EQ(cco_spawn(s, sleeper, NULL, &d), 0);
	struct cco_exit e;
	EXPECT_EQ(cco_join(a, &e, -1), 0);
	EXPECT_EQ(e.how, CCO_RETURNED);
	EXPECT_EQ(e.value, 100);
	EXPECT_EQ(cco_join(b, &e, -1), 0);
	EXPECT_EQ(e.value, 200);
	/* round robin: both ran to their yield before either went on */
	EXPECT_EQ(order[0], 1);
	EXPECT_EQ(order[1], 2);
	EXPECT_EQ(order[2], 11);
	EXPECT_EQ(order[3], 12);
	EXPECT_EQ(cco_join(c, &e, -1), 0);
	EXPECT_EQ(e.how, CCO_FAILED);
	EXPECT_EQ(e.value, -EIO);
	/* a join with a deadline that passes first leaves the handle valid */
	EXPECT_EQ(cco_join(d, &e, cco_now() + CCO_MSEC), -ETIMEDOUT);
	EXPECT_EQ(cco_join(d, &e, -1), 0);
	EXPECT_EQ(e.value, 7);
	EXPECT_EQ(cco_scope_close(s, -1), 0);
	return 42;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 42);
	return 0;
}
