// Coroutine stacks: each has a guard page below it, so an overflow faults
// instead of writing into a neighbour; finished coroutines' stacks are
// pooled and reused, not mapped again.
// RUN: env CCO_BACKEND=epoll %cco_bin/core_stacks
// RUN: %if io_uring %{ env CCO_BACKEND=io_uring %cco_bin/core_stacks %}
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"
#include "rt_test.h"

static int64_t nothing(void *arg)
{
	return 0;
}

static int64_t touch_guard(void *arg)
{
	/* the byte just below the usable stack is the guard page */
	volatile char *below = (volatile char *)cco__self()->stack_lo - 1;
	*below = 1;
	return 0;	/* never reached */
}

static int64_t main_co(void *arg)
{
	/* sequential coroutines reuse one pooled stack */
	for (int i = 0; i < 1000; i++) {
		cco_co *c;
		EXPECT_EQ(cco_spawn(cco__self()->scope, nothing, NULL, &c), 0);
		EXPECT_EQ(cco_join(c, NULL, -1), 0);
		EXPECT(cco__ex->npool <= 1);
	}
	/* a hundred at once: a hundred stacks, all back in the pool after */
	cco_scope *s = cco_scope_open();
	for (int i = 0; i < 100; i++)
		EXPECT_EQ(cco_spawn(s, nothing, NULL, NULL), 0);
	EXPECT_EQ(cco_scope_close(s, -1), 0);
	EXPECT(cco__ex->npool >= 100);
	return 0;
}

static int64_t guard_co(void *arg)
{
	cco_scope *s = cco_scope_open();
	EXPECT_EQ(cco_spawn(s, touch_guard, NULL, NULL), 0);
	(void)cco_scope_close(s, -1);
	return 0;
}

int main(void)
{
	EXPECT_EQ(rt_run(main_co, NULL), 0);

	pid_t pid = fork();
	EXPECT(pid >= 0);
	if (pid == 0) {
		rt_run(guard_co, NULL);
		_exit(0);	/* the write went through: no guard page */
	}
	int status;
	EXPECT_EQ(waitpid(pid, &status, 0), pid);
#if defined(__SANITIZE_ADDRESS__)
	/* AddressSanitizer reports the fault and exits 1 */
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) != 0);
#else
	EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
#endif
	return 0;
}
