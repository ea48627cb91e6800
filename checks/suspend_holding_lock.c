/* suspend-holding-lock: a thread-blocking lock held where a coroutine
 * suspends. Every path may release it, the cancel branch included: while
 * the coroutine is suspended, another coroutine on the same thread that
 * takes the lock blocks the thread, and the holder never runs again to
 * release it. */
#include "check.h"
#include "model.h"

/* Whether the guard a call acquired blocks the thread while it waits: a
 * POSIX lock (mutex, rwlock, spinlock, semaphore), or a capability from
 * clang's thread-safety attributes whose acquisition does not itself
 * suspend. A lock acquired by suspending is a coroutine lock (cco_mutex);
 * a lock described only by cancelcheck's own annotations or the config
 * says nothing of how it waits, and is not reported. */
static bool blocks_thread(const struct cck_check_ctx *c, cck_sym acquirer, int depth)
{
	if (!acquirer || depth > 8)
		return false;
	const char *name = cck_sym_str(c, acquirer);
	const struct cck_role *posix = cck_model_role(CCK_MODEL_POSIX, name);
	if (posix && (posix->acquires >= 0 || posix->try_acquires >= 0))
		return true;
	/* std::mutex and its kin, directly or through a lock guard */
	const struct cck_role *cxx = cck_model_role(CCK_MODEL_CXX, name);
	if (cxx && (cxx->acquires >= 0 || cxx->try_acquires >= 0))
		return true;
	const struct cck_role *r = cck_tu_role(c->tu, acquirer);
	if (r && !cck_role_is_empty(r))
		return !r->suspends && (r->acquire_expr || r->try_acquire_expr);
	/* a function of the program's own that returns holding a lock (a
	 * wrapper, a guard's constructor): the lock it took */
	const struct cck_summary *s = cck_tu_summary(c->tu, acquirer);
	return s && blocks_thread(c, s->acquired_by, depth + 1);
}

static void on_leak(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	if (l->kind != CCK_LEAK_HELD_AT_SUSPEND || !blocks_thread(c, l->origin_callee, 0))
		return;
	const char *what = cck_sym_str(c, l->what);
	const char *at = cck_sym_str(c, l->suspend_callee);
	struct cck_diag *d = cck_report(c->sink, "suspend-holding-lock",
		cck_loc_file(c, l->at), l->at.line, l->at.col,
		"thread-blocking lock '%s' is held while '%s' suspends the coroutine", what, at);
	cck_note(d, cck_loc_file(c, l->origin), l->origin.line, l->origin.col, true,
		 "'%s' acquired here by '%s'", what, cck_sym_str(c, l->origin_callee));
	cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false,
		 l->model == CCK_CANCEL_DESTROYS
		 ? "fix: unlock it (or end the lock guard's scope) before suspending, or use "
		   "a mutex whose lock is awaited"
		 : "fix: release it before suspending, or use a coroutine lock (cco_mutex)");
}

const struct cck_check cck_check_suspend_holding_lock = {
	.name = "suspend-holding-lock",
	.doc = "a thread-blocking lock held across a coroutine suspend point",
	.explain =
	"A pthread mutex, rwlock, spinlock or semaphore, or a lock described\n"
	"by clang's thread-safety attributes, is held where a coroutine\n"
	"suspends (a cco call, or any function annotated\n"
	"CCK_SUSPENDS_RETURNS). Even if every path releases it afterwards,\n"
	"while this coroutine is suspended the scheduler runs the other\n"
	"coroutines of the same thread; one that takes the lock blocks the\n"
	"whole thread, and this coroutine never runs again to release it.\n"
	"Fix: release it before suspending, or use a coroutine lock\n"
	"(cco_mutex), whose waiters suspend instead of blocking the thread.\n"
	"Suppress a finding with\n"
	"  // cancelcheck: ignore[suspend-holding-lock] <reason>\n",
	.on_leak = on_leak,
};
