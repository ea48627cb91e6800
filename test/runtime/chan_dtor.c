// RUN: env CCO_BACKEND=epoll %cco_bin/chan_dtor
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/chan_dtor %}
/* The element destructor runs once for each element still inside when the
 * channel is freed (also across the ring's wrap-around and for a permit's
 * element), never for one that was received or whose send failed. */
#include "rt_sync.h"

static int destroyed, destroyed_sum;

static void dtor(void *elem)
{
	int *p = *(int **)elem;

	destroyed++;
	destroyed_sum += *p;
	free(p);
}

static int *boxed(int v)
{
	int *p = malloc(sizeof(*p));

	EXPECT(p != NULL);
	*p = v;
	return p;
}

static void leftovers(void)
{
	cco_chan *c = cco_chan_open(sizeof(int *), 8, dtor);
	int *p;

	for (int i = 1; i <= 5; i++) {
		p = boxed(i);
		EXPECT_EQ(cco_chan_send(c, &p, -1), 0);
	}
	for (int i = 1; i <= 2; i++) {
		EXPECT_EQ(cco_chan_recv(c, &p, -1), 0);
		EXPECT_EQ(*p, i);
		free(p);			/* received: ours now */
	}
	destroyed = destroyed_sum = 0;
	cco_chan_free(c);
	EXPECT_EQ(destroyed, 3);
	EXPECT_EQ(destroyed_sum, 3 + 4 + 5);
}

static void leftovers_wrapped(void)
{
	cco_chan *c = cco_chan_open(sizeof(int *), 4, dtor);
	int *p;

	for (int i = 1; i <= 4; i++) {
		p = boxed(i);
		EXPECT_EQ(cco_chan_try_send(c, &p), 0);
	}
	for (int i = 1; i <= 3; i++) {
		EXPECT_EQ(cco_chan_try_recv(c, &p), 0);
		free(p);
	}
	for (int i = 10; i <= 12; i++) {	/* head at 3: these wrap */
		p = boxed(i);
		EXPECT_EQ(cco_chan_try_send(c, &p), 0);
	}
	destroyed = destroyed_sum = 0;
	cco_chan_free(c);
	EXPECT_EQ(destroyed, 4);
	EXPECT_EQ(destroyed_sum, 4 + 10 + 11 + 12);
}

/* A failed send leaves the element with the sender: the channel must not
 * destroy it. A permit's element sent after close is the channel's. */
static void failed_sends_and_permits(void)
{
	cco_chan *c = cco_chan_open(sizeof(int *), 2, dtor);
	cco_permit perm;
	int *p = boxed(1), *q = boxed(2), *r = boxed(3);

	EXPECT_EQ(cco_chan_send(c, &p, -1), 0);
	EXPECT_EQ(cco_chan_reserve(c, &perm, -1), 0);
	EXPECT_EQ(cco_chan_send(c, &q, rt_ms(5)), -ETIMEDOUT);	/* full */
	cco_chan_close(c);
	EXPECT_EQ(cco_chan_send(c, &r, -1), -EPIPE);
	cco_permit_send(&perm, &q);
	destroyed = destroyed_sum = 0;
	cco_chan_free(c);
	EXPECT_EQ(destroyed, 2);
	EXPECT_EQ(destroyed_sum, 1 + 2);
	free(r);
}

static void rendezvous_and_no_dtor(void)
{
	cco_chan *c = cco_chan_open(sizeof(int *), 0, dtor);
	cco_chan *d = cco_chan_open(sizeof(int), 3, NULL);
	int v = 1;

	destroyed = 0;
	cco_chan_free(c);			/* nothing is ever inside */
	EXPECT_EQ(destroyed, 0);
	EXPECT_EQ(cco_chan_send(d, &v, -1), 0);
	cco_chan_free(d);			/* no dtor: plain values */
	cco_chan_free(NULL);
}

static int64_t body(void *arg)
{
	leftovers();
	leftovers_wrapped();
	failed_sends_and_permits();
	rendezvous_and_no_dtor();
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(body, NULL), 0);
	return 0;
}
