// CCK_TRY_ACQUIRES(n, success): argument n is acquired only when the result
// is in `success` (zero, nonzero, nonneg, ...). CCK_ACQUIRES/CCK_RELEASES
// name the guard by argument, for plain pointer APIs.
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <cancelcheck/annotations.h>

struct sem;
struct lease;
int sem_acquire(struct sem *s, int64_t deadline) CCK_TRY_ACQUIRES(1, zero);
void sem_release(struct sem *s) CCK_RELEASES(1);
bool lease_grab(int prio, struct lease *l) CCK_TRY_ACQUIRES(2, nonzero);
void lease_drop(struct lease *l) CCK_RELEASES(1);
int job_run(int64_t deadline) CCK_SUSPENDS_RETURNS;

int run_bad_1(struct sem *s)
{
	if (sem_acquire(s, -1) != 0)
		return -EBUSY;
	int rc = job_run(-1);
	if (rc < 0)
		return rc;
	sem_release(s);
	return 0;
}

int run_good_1(struct sem *s)
{
	int rc = sem_acquire(s, -1);
	if (rc)
		return rc;
	rc = job_run(-1);
	sem_release(s);
	return rc;
}

// The failure branch holds nothing.
int run_good_2(struct sem *s)
{
	if (sem_acquire(s, -1) == 0) {
		sem_release(s);
		return 0;
	}
	return job_run(-1);
}

// Success is nonzero for this one; the guard is the second argument.
int run_bad_3(struct lease *l)
{
	if (!lease_grab(1, l))
		return -EBUSY;
	int rc = job_run(-1);
	if (rc < 0)
		return rc;
	lease_drop(l);
	return 0;
}

int run_good_3(struct lease *l)
{
	if (lease_grab(1, l))
		lease_drop(l);
	return job_run(-1);
}
