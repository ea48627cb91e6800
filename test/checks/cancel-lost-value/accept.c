// accept returns an owned descriptor (when >= 0). It is also a cancellation
// point, but one cancelled in accept has taken nothing yet: the finding
// is at the next cancellation point that runs while the connection is open.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
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
// CHECK: :[[@LINE-1]]:11: warning: 'c' is leaked if 'recv' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-5]]:10: note: 'c' obtained here from 'accept'
	if (n > 0)
		send(c, buf, n, 0);
// CHECK: :[[@LINE-1]]:3: warning: 'c' is leaked if 'send' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-9]]:10: note: 'c' obtained here from 'accept'
	close(c);
}

// A second accept while the first connection is open.
void serve_bad_2(int lfd)
{
	int a = accept(lfd, 0, 0);
	int b = accept(lfd, 0, 0);
// CHECK: :[[@LINE-1]]:10: warning: 'a' is leaked if 'accept' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:10: note: 'a' obtained here from 'accept'
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
