// cco.h compiles under clang with every warning an error, C11 and gnu11:
// its annotations expand to attributes clang accepts (the analyzer sees the
// header through clang too).
#include <cco.h>

int uses_the_guards(cco_mutex *mu, int64_t deadline)
{
	int rc = cco_mutex_lock(mu, deadline);
	if (rc < 0)
		return rc;
	cco_mutex *held CCO_UNLOCK_ON_EXIT = mu;
	(void)held;
	return 0;
}
