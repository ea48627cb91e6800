// The same code as no-cancellation-tu.c with --model=posix: the values
// owned across the reads are findings.
// RUN: not %cancelcheck --model=posix --checks='-*,cancel-lost-value' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

long buffer_bad_1(int fd)
{
	char *buf = malloc(64);
	long n = read(fd, buf, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'buf' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-3]]:14: note: 'buf' obtained here from 'malloc'
	free(buf);
	return n;
}

long fd_bad_2(const char *path, char *out)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long n = read(fd, out, 64);
// CHECK: :[[@LINE-1]]:11: warning: 'fd' is leaked if 'read' is cancelled here [cancel-lost-value]
// CHECK: :[[@LINE-5]]:11: note: 'fd' obtained here from 'open'
	close(fd);
	return n;
}
