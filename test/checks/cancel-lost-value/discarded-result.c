// A result nobody keeps (open() called as a statement) is lost on every
// path, cancelled or not: that is not a cancel-correctness finding, and
// there is no variable to name.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

void *touch_good_1(void *arg)
{
	creat("/tmp/stamp", 0600);
	open("/tmp/stamp", O_RDONLY);
	pthread_testcancel();
	return arg;
}

void *touch_bad_1(void *arg)
{
	int fd = open("/tmp/stamp", O_RDONLY);
	pthread_testcancel();
// CHECK: discarded-result.c:[[@LINE-1]]:2: warning: 'fd' is leaked if 'pthread_testcancel' is cancelled here [cancel-lost-value]
	if (fd >= 0)
		close(fd);
	return arg;
}
