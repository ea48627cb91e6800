// An async mutex: the lock call suspends, returns 0 with the lock held, or
// -ECANCELED/-ETIMEDOUT without it. A cancelled lock call holds nothing.
#include <errno.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct amutex;
int am_lock(struct amutex *m, int64_t deadline) CCK_SUSPENDS_RETURNS CCK_TRY_ACQUIRES(1, zero);
void am_unlock(struct amutex *m) CCK_RELEASES(1);
int job_run(int64_t deadline) CCK_SUSPENDS_RETURNS;

int locked_good_1(struct amutex *m)
{
	int rc = am_lock(m, -1);
	if (rc < 0)
		return rc;
	am_unlock(m);
	return 0;
}

int locked_bad_2(struct amutex *m)
{
	int rc = am_lock(m, -1);
	if (rc < 0)
		return rc;
	rc = job_run(-1);
	if (rc < 0)
		return rc;
	am_unlock(m);
	return 0;
}

int locked_good_2(struct amutex *m)
{
	int rc = am_lock(m, -1);
	if (rc < 0)
		return rc;
	rc = job_run(-1);
	am_unlock(m);
	return rc;
}

// Two async mutexes: cancelled while waiting for the second, the first is
// still held.
int pair_bad_3(struct amutex *a, struct amutex *b)
{
	int rc = am_lock(a, -1);
	if (rc < 0)
		return rc;
	rc = am_lock(b, -1);
	if (rc < 0)
		return rc;
	am_unlock(b);
	am_unlock(a);
	return 0;
}

int pair_good_3(struct amutex *a, struct amutex *b)
{
	int rc = am_lock(a, -1);
	if (rc < 0)
		return rc;
	rc = am_lock(b, -1);
	if (rc < 0) {
		am_unlock(a);
		return rc;
	}
	am_unlock(b);
	am_unlock(a);
	return 0;
}
