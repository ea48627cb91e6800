// One executor per thread: executors on several threads at once share no
// state. Each thread runs its own coroutines, channel and sockets.
// RUN: env CCO_BACKEND=epoll %cco_bin/core_threads
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/core_threads %}
#include <pthread.h>
#include <sys/socket.h>

#include "rt_test.h"

enum { THREADS = 4, MSGS = 2000 };

static int64_t producer(void *arg)
{
	cco_chan *c = arg;
	for (int i = 0; i < MSGS; i++)
		EXPECT_EQ(cco_chan_send(c, &i, -1), 0);
	cco_chan_close(c);
	return 0;
}

static int64_t pinger(void *arg)
{
	int fd = (int)(intptr_t)arg;
	for (int i = 0; i < MSGS / 10; i++) {
		char b = (char)i;
		EXPECT_EQ(cco_write(fd, &b, 1, -1), 1);
		EXPECT_EQ(cco_read(fd, &b, 1, -1), 1);
		EXPECT_EQ(b, (char)(i + 1));
	}
	return 0;
}

static int64_t ponger(void *arg)
{
	int fd = (int)(intptr_t)arg;
	for (int i = 0; i < MSGS / 10; i++) {
		char b;
		EXPECT_EQ(cco_read(fd, &b, 1, -1), 1);
		b++;
		EXPECT_EQ(cco_write(fd, &b, 1, -1), 1);
	}
	return 0;
}

static int64_t main_co(void *arg)
{
	cco_chan *c = cco_chan_open(sizeof(int), 8, NULL);
	int fds[2];
	EXPECT(c);
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
	cco_scope *s = cco_scope_open();
	EXPECT_EQ(cco_spawn(s, producer, c, NULL), 0);
	EXPECT_EQ(cco_spawn(s, pinger, (void *)(intptr_t)fds[0], NULL), 0);
	EXPECT_EQ(cco_spawn(s, ponger, (void *)(intptr_t)fds[1], NULL), 0);
	int64_t sum = 0;
	int v;
	while (cco_chan_recv(c, &v, -1) == 0)
		sum += v;
	EXPECT_EQ(cco_scope_close(s, -1), 0);
	cco_chan_free(c);
	EXPECT_EQ(cco_close(fds[0]), 0);
	EXPECT_EQ(cco_close(fds[1]), 0);
	return sum;
}

static void *thread(void *arg)
{
	EXPECT_EQ(rt_run(main_co, NULL), (int64_t)MSGS * (MSGS - 1) / 2);
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];
	for (int i = 0; i < THREADS; i++)
		EXPECT_EQ(pthread_create(&t[i], NULL, thread, NULL), 0);
	for (int i = 0; i < THREADS; i++)
		EXPECT_EQ(pthread_join(t[i], NULL), 0);
	return 0;
}
