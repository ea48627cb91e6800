/* cancel-held-guard: a guard (lock, semaphore count) still held when a
 * cancel edge leaves the function. */
#include "check.h"

static const char *hint(const struct cck_leak *l)
{
	if (l->model == CCK_CANCEL_RETURNS)
		return "release it on the cancellation branch before returning";
	if (l->model == CCK_CANCEL_DESTROYS)
		return "hold it in a lock guard (std::lock_guard, std::unique_lock), whose destructor releases it, or release it before suspending";
	if (l->popped_cleanup)
		return "a cleanup handler was popped before this call; pop it after the guard is released";
	if (l->shield_ended)
		return "cancellation was re-enabled before this call; restore the cancel state after releasing the guard";
	return "release it in a cleanup handler (pthread_cleanup_push), or disable cancellation around this call";
}

static void on_leak(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	if (l->kind != CCK_LEAK_GUARD)
		return;
	const char *what = cck_sym_str(c, l->what);
	char *when = cck_cancelled_here(c, l);
	struct cck_diag *d = cck_report(c->sink, "cancel-held-guard", cck_loc_file(c, l->at),
		l->at.line, l->at.col, "'%s' is still held if %s", what, when);
	g_free(when);
	if (l->origin.line) {
		if (l->origin_callee)
			cck_note(d, cck_loc_file(c, l->origin), l->origin.line,
				 l->origin.col, true, "'%s' acquired here by '%s'", what,
				 cck_sym_str(c, l->origin_callee));
		else
			cck_note(d, cck_loc_file(c, l->origin), l->origin.line,
				 l->origin.col, true, "'%s' acquired here", what);
	}
	cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false,
		 "fix: %s", hint(l));
}

const struct cck_check cck_check_held_guard = {
	.name = "cancel-held-guard",
	.doc = "a guard still held when a cancel edge leaves the function",
	.explain =
	"A lock, semaphore count or other guard is held at a suspend point,\n"
	"and the path taken when the thread or coroutine is cancelled there\n"
	"leaves the function without releasing it. Under POSIX deferred\n"
	"cancellation only registered cleanup handlers run, so the lock stays\n"
	"locked forever and the next locker deadlocks. Under the 'returns'\n"
	"model the call returns -ECANCELED and the caller's cancellation branch\n"
	"forgets to unlock.\n"
	"Fix: release it in a cleanup handler (pthread_cleanup_push/pop around\n"
	"the cancellation point), release it before suspending, or release it\n"
	"on the cancellation branch. Suppress a finding with\n"
	"  // cancelcheck: ignore[cancel-held-guard] <reason>\n",
	.on_leak = on_leak,
};
