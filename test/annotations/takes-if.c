// CCK_TAKES_IF(n, success): the callee owns argument n only when the
// result is in success; on every other result (cancellation included)
// the caller still does. CCK_TAKES_POINTEE_IF is the same for the value
// the argument points to (the caller passes &value). The config file says
// the same with takes-if / takes-pointee-if / takes-success.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -I%annotations -DANNOTATED \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' --config=%S/Inputs/takes-if.yaml %s \
// RUN:   -- -I%annotations | FileCheck %s --implicit-check-not='warning:'
#include <cancelcheck/annotations.h>
#include <errno.h>
#include <stdlib.h>

#ifdef ANNOTATED
#define OFFER CCK_TAKES_IF(2, zero) CCK_SUSPENDS_RETURNS
#define PUT CCK_TAKES_POINTEE_IF(2, zero) CCK_SUSPENDS_RETURNS
#else
#define OFFER
#define PUT
#endif

struct q;
int q_offer(struct q *q, void *item) OFFER;
int q_put(struct q *q, const void *elem) PUT;

int offer_good_1(struct q *q)
{
	char *item = malloc(16);
	if (!item)
		return -1;
	int rc = q_offer(q, item);
	if (rc != 0)
		free(item);	/* failed or cancelled: still ours */
	return rc;
}

int offer_bad_1(struct q *q)
{
	char *item = malloc(16);
	if (!item)
		return -1;
	int rc = q_offer(q, item);
// CHECK: takes-if.c:[[@LINE-1]]:11: warning: 'item' is leaked if 'q_offer' is cancelled here [cancel-lost-value]
	return rc;
}

int put_good_2(struct q *q)
{
	char *item = malloc(16);
	if (!item)
		return -1;
	int rc = q_put(q, &item);
	if (rc == -ECANCELED || rc == -ETIMEDOUT)
		free(item);
	return rc;
}

int put_bad_2(struct q *q)
{
	char *item = malloc(16);
	if (!item)
		return -1;
	int rc = q_put(q, &item);
// CHECK: takes-if.c:[[@LINE-1]]:11: warning: 'item' is leaked if 'q_put' is cancelled here [cancel-lost-value]
	if (rc == -ECANCELED)
		free(item);
	return rc;
}
