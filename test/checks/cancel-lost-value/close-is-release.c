// close() is a cancellation point that releases its own descriptor, also
// when cancelled: closing is not a finding. Another descriptor still open
// at that close is.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

int touch_good_1(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0)
		return -1;
	return close(fd);
}

int close_twice_good_2(const char *a, const char *b)
{
	int fa = open(a, O_RDONLY);
	if (fa < 0)
		return -1;
	close(fa);
	int fb = open(b, O_RDONLY);
	if (fb < 0)
		return -1;
	close(fb);
	return 0;
}

int two_fds_bad_1(const char *a, const char *b)
{
	int fa = open(a, O_RDONLY);
	if (fa < 0)
		return -1;
	int fb = open(b, O_RDONLY);
// CHECK: :[[@LINE-1]]:11: warning: 'fa' is leaked if 'open' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-5]]:11: note: 'fa' obtained here from 'open'
	if (fb < 0) {
		close(fa);
		return -1;
	}
	close(fa);
// CHECK: :[[@LINE-1]]:2: warning: 'fb' is leaked if 'close' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-9]]:11: note: 'fb' obtained here from 'open'
	close(fb);
	return 0;
}
