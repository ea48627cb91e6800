/* The flagship bug, on cco: a malloc'd message sent on a channel. The
 * send takes the message only when it returns 0; on -ETIMEDOUT or
 * -ECANCELED it is still the producer's, and this producer logs and goes
 * on, losing it. (relay.c shows the fix: free it or hand it back.)
 * Analyzed by the demo; not built. */
#include <cco.h>
#include <stdio.h>
#include <stdlib.h>

struct msg {
	int seq;
	char body[56];
};

int produce(cco_chan *out, int n, int64_t deadline)
{
	for (int i = 0; i < n; i++) {
		struct msg *m = malloc(sizeof *m);
		if (!m)
			return -1;
		m->seq = i;
		snprintf(m->body, sizeof m->body, "message %d", i);
		int rc = cco_chan_send(out, &m, deadline);
		if (rc < 0) {
			fprintf(stderr, "send %d: %d, skipped\n", i, rc);
			continue;	/* m is lost */
		}
	}
	return 0;
}
