/* cancel-lost-value: an owned value (memory, descriptor, message) leaked
 * on a cancel edge, or given to a call that drops it when cancelled. */
#include "check.h"

static const char *hint(const struct cck_leak *l)
{
	if (l->model == CCK_CANCEL_DESTROYS)
		return "own it in an object whose destructor releases it (std::unique_ptr), or release it before suspending";
	if (l->kind == CCK_LEAK_LOST_ON_CANCEL && l->model == CCK_CANCEL_UNWINDS)
		return "register a cleanup handler that releases it around this call (pthread_cleanup_push), or hand it over before the callee can be cancelled";
	if (l->kind == CCK_LEAK_LOST_ON_CANCEL)
		return "use a cancel-safe form: reserve a slot (or permit) first, then hand the value over without suspending";
	if (l->model == CCK_CANCEL_RETURNS)
		return "release it or hand it back on the cancellation branch before returning";
	if (l->popped_cleanup)
		return "a cleanup handler was popped before this call; pop it after the value is released";
	if (l->shield_ended)
		return "cancellation was re-enabled before this call; restore the cancel state after releasing the value";
	return "release it in a cleanup handler (pthread_cleanup_push), or before this call";
}

/* A write that loses an awaited race is cancelled part way. */
static void race_loser(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	const char *op = cck_sym_str(c, l->suspend_callee);
	struct cck_diag *d = cck_report(c->sink, "cancel-lost-value", cck_loc_file(c, l->at),
		l->at.line, l->at.col,
		"the message '%s' writes%s%s%s is lost in part if '%s' completes first: the "
		"losing side of this race is cancelled, possibly after writing part of it",
		op, l->what ? " to '" : "", l->what ? cck_sym_str(c, l->what) : "",
		l->what ? "'" : "", l->via ? cck_sym_str(c, l->via) : "the other side");
	cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false,
		 "fix: do not race a write; bound it with a timeout that closes the stream, "
		 "or finish the write after the race");
}

static void on_leak(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	if (l->kind == CCK_LEAK_RACE_LOSER) {
		race_loser(c, l);
		return;
	}
	if (l->kind != CCK_LEAK_VALUE && l->kind != CCK_LEAK_LOST_ON_CANCEL)
		return;
	const char *what = cck_sym_str(c, l->what);
	const char *at = cck_sym_str(c, l->suspend_callee);
	struct cck_diag *d;
	if (l->kind == CCK_LEAK_LOST_ON_CANCEL)
		d = cck_report(c->sink, "cancel-lost-value", cck_loc_file(c, l->at),
			l->at.line, l->at.col,
			"'%s' is lost if '%s' is cancelled: it takes ownership and drops the value on cancellation",
			what, at);
	else {
		char *when = cck_cancelled_here(c, l);
		d = cck_report(c->sink, "cancel-lost-value", cck_loc_file(c, l->at),
			l->at.line, l->at.col, "'%s' is leaked if %s", what, when);
		g_free(when);
	}
	if (l->origin.line && (l->origin.line != l->at.line || l->origin.col != l->at.col)) {
		if (l->origin_callee)
			cck_note(d, cck_loc_file(c, l->origin), l->origin.line,
				 l->origin.col, true, "'%s' obtained here from '%s'", what,
				 cck_sym_str(c, l->origin_callee));
		else
			cck_note(d, cck_loc_file(c, l->origin), l->origin.line,
				 l->origin.col, true, "'%s' obtained here", what);
	}
	cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false,
		 "fix: %s", hint(l));
}

const struct cck_check cck_check_lost_value = {
	.name = "cancel-lost-value",
	.doc = "an owned value leaked or lost on a cancel edge",
	.explain =
	"A value the function owns (heap memory, a file descriptor, a message\n"
	"taken from a queue or store) is live at a suspend point, and the path\n"
	"taken on cancellation there leaves without freeing, closing or handing\n"
	"it back. Also: a suspending call that takes ownership of a value and\n"
	"drops it when cancelled (a send that loses its message on timeout).\n"
	"Fix: free or hand the value back in a cleanup handler or on the\n"
	"cancellation branch; for sends, reserve a slot first and send without\n"
	"suspending. Suppress a finding with\n"
	"  // cancelcheck: ignore[cancel-lost-value] <reason>\n",
	.on_leak = on_leak,
};
