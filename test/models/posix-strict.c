// posix-strict adds the POSIX "may occur" cancellation points (stdio, name
// lookups, directories, file operations). They are off by default: with
// plain posix, a lock held across printf() or getaddrinfo() is no finding.
// RUN: not %cancelcheck --model=posix-strict --checks='-*,cancel-held-guard' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: %cancelcheck --model=posix --checks='-*,cancel-held-guard' %s -- -pthread | count 0
// The config file enables it the same way.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/strict.c
// RUN: printf 'models: [posix-strict]\n' > %t/.cancelcheck.yaml
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %t/strict.c -- -pthread \
// RUN:   | FileCheck --check-prefix=CONFIG %s
// CONFIG: strict.c:{{[0-9]+}}:2: warning: '&mu' is still held if 'printf' is cancelled here [cancel-held-guard]
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void report_bad_1(int n)
{
	pthread_mutex_lock(&mu);
	printf("%d\n", n);
// CHECK: posix-strict.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'printf' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
}

int resolve_bad_2(const char *host, struct addrinfo **res)
{
	pthread_mutex_lock(&mu);
	int rc = getaddrinfo(host, "80", NULL, res);
// CHECK: posix-strict.c:[[@LINE-1]]:11: warning: '&mu' is still held if 'getaddrinfo' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
	return rc;
}

// fclose is a "may occur" point that also releases the stream: the stream
// counts as closed on its own cancel edge.
int save_good_1(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	return fclose(f);
}
