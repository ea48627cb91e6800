// accept returns an owned descriptor (when >= 0). It is also a cancellation
// point, but one cancelled in accept has taken nothing yet: the finding
// is at the next cancellation point that runs while the connection is open.
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

void handoff(int fd);	/* another TU: takes ownership */

void stop(pthread_t t) { pthread_cancel(t); }

void serve_bad_1(int lfd)
{
	char buf[64];
	int c = accept(lfd, 0, 0);
	if (c < 0)
		return;
	long n = recv(c, buf, sizeof buf, 0);
	if (n > 0)
		send(c, buf, n, 0);
	close(c);
}

// A second accept while the first connection is open.
void serve_bad_2(int lfd)
{
	int a = accept(lfd, 0, 0);
	int b = accept(lfd, 0, 0);
	if (a >= 0)
		handoff(a);
	if (b >= 0)
		handoff(b);
}

void accept_loop_good_1(int lfd)
{
	for (;;) {
		int c = accept(lfd, 0, 0);
		if (c < 0)
			continue;
		handoff(c);
	}
}
