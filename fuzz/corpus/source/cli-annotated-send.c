/* An API described by annotations from include/cancelcheck/annotations.h
 * (found with -I after "--"): a cancel-unsafe send that loses its message
 * when cancelled (line 14). */
#include <cancelcheck/annotations.h>

struct chan;
struct msg;
int chan_send(struct chan *c, struct msg *m) CCK_SUSPENDS_RETURNS CCK_CONSUMES_ON_CANCEL(2);
struct msg *msg_new(void) CCK_RETURNS_OWNED;

int send_one(struct chan *c)
{
	struct msg *m = msg_new();
	int rc = chan_send(c, m);
	if (rc == -125)
		return rc;
	return 0;
}
