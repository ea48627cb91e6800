// The flagship bug: a malloc'd message sent on a channel whose send times
// out or is cancelled is still the sender's (cco_chan_send takes the
// element only when it returns 0). A branch that logs and goes on loses it.
// libc's owned values (malloc, open) are tracked under the cco model too.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -I%annotations \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <cco.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

struct msg { int seq; char body[64]; };

int produce_bad_1(cco_chan *tx, int n, int64_t deadline)
{
	for (int i = 0; i < n; i++) {
		struct msg *m = malloc(sizeof *m);
		if (!m)
			return -1;
		m->seq = i;
		int rc = cco_chan_send(tx, &m, deadline);
// CHECK: send-loses-message.c:[[@LINE-1]]:12: warning: 'm' is leaked if 'cco_chan_send' is cancelled here [cancel-lost-value]
// CHECK: note: 'm' obtained here from 'malloc'
		if (rc == -ETIMEDOUT || rc == -ECANCELED) {
			fprintf(stderr, "send: %d\n", rc);
			continue;
		}
	}
	return 0;
}

// Every error frees it; on 0 the channel owns it, even across the next wait.
int produce_good_1(cco_chan *tx, int n, int64_t deadline)
{
	for (int i = 0; i < n; i++) {
		struct msg *m = malloc(sizeof *m);
		if (!m)
			return -1;
		m->seq = i;
		int rc = cco_chan_send(tx, &m, deadline);
		if (rc < 0) {
			free(m);
			return rc;
		}
		rc = cco_yield();
		if (rc < 0)
			return rc;
	}
	return 0;
}

// The cancel-safe form: reserve, then obtain, then send through the permit.
int produce_good_2(cco_chan *tx, int64_t deadline)
{
	cco_permit p;
	int rc = cco_chan_reserve(tx, &p, deadline);
	if (rc < 0)
		return rc;
	struct msg *m = malloc(sizeof *m);
	if (!m) {
		cco_permit_release(&p);
		return -1;
	}
	cco_permit_send(&p, &m);
	return cco_sleep(deadline);
}

// A descriptor opened with libc's open() and left open on the cancel branch.
int copy_bad_2(const char *path, int64_t deadline)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = cco_sleep(deadline);
// CHECK: send-loses-message.c:[[@LINE-1]]:11: warning: 'fd' is leaked if 'cco_sleep' is cancelled here [cancel-lost-value]
	if (rc < 0)
		return rc;
	close(fd);
	return 0;
}

int copy_good_3(const char *path, int64_t deadline)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = cco_sleep(deadline);
	close(fd);
	return rc;
}
