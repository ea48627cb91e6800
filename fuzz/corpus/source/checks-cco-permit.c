// A channel permit from cco_chan_reserve is a guard: sent through or
// released on every path. The cancel-safe send reserves first, then takes
// the value and sends without suspending; suspending while the permit is
// held needs a release on the cancel branch.
#include <cco.h>

int bad_wait_with_permit(cco_chan *c, cco_event *ready, int v)
{
	cco_permit p;
	int rc = cco_chan_reserve(c, &p, -1);
	if (rc < 0)
		return rc;
	rc = cco_event_wait(ready, -1);
	if (rc < 0)
		return rc;
	cco_permit_send(&p, &v);
	return 0;
}

int good_release_on_cancel(cco_chan *c, cco_event *ready, int v)
{
	cco_permit p;
	int rc = cco_chan_reserve(c, &p, -1);
	if (rc < 0)
		return rc;
	rc = cco_event_wait(ready, -1);
	if (rc < 0) {
		cco_permit_release(&p);
		return rc;
	}
	cco_permit_send(&p, &v);
	return 0;
}

int good_reserve_then_send(cco_chan *c, int v)
{
	cco_permit p;
	int rc = cco_chan_reserve(c, &p, -1);
	if (rc < 0)
		return rc;
	cco_permit_send(&p, &v);
	return 0;
}
