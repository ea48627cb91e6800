/* cancel-discarded-op: the result of a call that says what happened
 * (acquired or not, sent or not, joined or not, cancelled) is dropped, so
 * the code goes on as if it had happened. */
#include "check.h"

static void on_leak(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	if (l->kind != CCK_LEAK_DISCARDED)
		return;
	const char *fn = cck_sym_str(c, l->what);
	const struct cck_role *r = cck_tu_role(c->tu, l->what);
	if (r && r->returns_task) {
		struct cck_diag *d = cck_report(c->sink, "cancel-discarded-op",
			cck_loc_file(c, l->at), l->at.line, l->at.col,
			"the coroutine task '%s' returns is %s: what it was to do is not done",
			fn, l->unread ? "stored but never awaited or handed on"
				      : "discarded without being awaited");
		cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false,
			 "fix: co_await it, or hand it to something that runs it to the end "
			 "(a spawn)");
		return;
	}
	const char *why = l->model == CCK_CANCEL_RETURNS ?
		" (it may have been cancelled or timed out)" : "";
	struct cck_diag *d = cck_report(c->sink, "cancel-discarded-op",
		cck_loc_file(c, l->at), l->at.line, l->at.col,
		l->unread ? "the result of '%s' is stored but never read: it says whether the "
			    "operation happened%s"
			  : "the result of '%s' is discarded: it says whether the operation "
			    "happened%s", fn, why);
	cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false,
		 "fix: check it, and on failure (-ECANCELED, -ETIMEDOUT, ...) do not go on as "
		 "if the lock were held, the value sent or the task joined");
}

const struct cck_check cck_check_discarded_op = {
	.name = "cancel-discarded-op",
	.doc = "a result that says what happened, discarded",
	.explain =
	"The result of a call that decides what happened is thrown away (a\n"
	"statement, a (void) cast, or a variable never read): a lock that may\n"
	"not have been taken (cco_mutex_lock timed out), a value that may not\n"
	"have gone (cco_chan_send was cancelled), a task that may not have\n"
	"been joined. The code then goes on as if it had, and unlocks a lock\n"
	"it does not hold or forgets a value it still owns. Reported for\n"
	"suspending calls whose result decides a lock, a hand-over or an owned\n"
	"value, and for any call annotated CCK_MUST_USE (or must-use in the\n"
	"config). Results that do not matter (cco_sleep, cco_yield) are not.\n"
	"Fix: check the result. Suppress a finding with\n"
	"  // cancelcheck: ignore[cancel-discarded-op] <reason>\n",
	.on_leak = on_leak,
};
