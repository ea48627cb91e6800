/* cancel-lent-buffer: storage lent to an operation that completes later
 * (an aiocb and its buffer, an io_uring read's buffer, the descriptor it
 * reads from) is freed, closed, lent again or goes out of scope before the
 * completion is reaped: the kernel writes into memory that is no longer
 * the operation's, or the descriptor's number is reused under it. */
#include "check.h"

static const char *fix =
	"reap the completion first (aio_return, io_uring_wait_cqe); on a cancel "
	"path, cancel the operation (aio_cancel, io_uring_prep_cancel) and wait for its "
	"completion before releasing what it uses";

static void on_leak(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	const char *what = cck_sym_str(c, l->what);
	const char *at = l->suspend_callee ? cck_sym_str(c, l->suspend_callee) : NULL;
	const char *file = cck_loc_file(c, l->at);
	struct cck_diag *d;
	switch (l->kind) {
	case CCK_LEAK_LENT_RELEASED:
		d = cck_report(c->sink, "cancel-lent-buffer", file, l->at.line, l->at.col,
			"'%s' is released by '%s' while the operation it was lent to may still use it",
			what, at);
		break;
	case CCK_LEAK_LENT_REUSED:
		d = cck_report(c->sink, "cancel-lent-buffer", file, l->at.line, l->at.col,
			"'%s' is lent to '%s' while an earlier operation may still use it",
			what, at);
		break;
	case CCK_LEAK_LENT_SCOPE:
		if (cck_cancel_unwinds(l->model)) {
			char *when = cck_cancelled_here(c, l);
			d = cck_report(c->sink, "cancel-lent-buffer", file, l->at.line, l->at.col,
				"'%s' goes out of scope if %s, while the operation it was "
				"lent to may still write into it", what, when);
			g_free(when);
		}
		else
			d = cck_report(c->sink, "cancel-lent-buffer", file, l->at.line, l->at.col,
				"'%s' goes out of scope here while the operation it was lent to "
				"may still write into it", what);
		break;
	case CCK_LEAK_LENT_ESCAPES:
		d = cck_report(c->sink, "cancel-lent-buffer", file, l->at.line, l->at.col,
			"'%s' returns while '%s' is still lent to an operation: its callers "
			"expect it back when the call returns",
			cck_sym_str(c, l->func->name), what);
		break;
	default:
		return;
	}
	if (l->origin.line)	/* by the name it was lent under */
		cck_note(d, cck_loc_file(c, l->origin), l->origin.line, l->origin.col, true,
			 "'%s' lent here to '%s' until its completion is reaped",
			 cck_sym_str(c, l->via ? l->via : l->what), cck_sym_str(c, l->origin_callee));
	if (l->cancel_at.line && l->model == CCK_CANCEL_RETURNS)
		cck_note(d, cck_loc_file(c, l->cancel_at), l->cancel_at.line, l->cancel_at.col,
			 true, "on the path taken when '%s' is cancelled here",
			 cck_sym_str(c, l->cancel_callee));
	cck_note(d, file, l->at.line, l->at.col, false, "fix: %s", fix);
}

const struct cck_check cck_check_lent_buffer = {
	.name = "cancel-lent-buffer",
	.doc = "storage lent to an operation released before its completion is reaped",
	.explain =
	"Storage given to an operation that completes later (an aiocb and its\n"
	"buffer with aio_read, a buffer and descriptor with io_uring_prep_read,\n"
	"any API annotated CCK_LENDS_UNTIL_REAP) belongs to the kernel until\n"
	"the completion is reaped (aio_return, io_uring_wait_cqe). Freeing it,\n"
	"closing the descriptor, lending it to another operation, or leaving\n"
	"the function that holds it on its stack before then lets the kernel\n"
	"write into released memory; a cancel path that returns early is the\n"
	"usual way. A function annotated CCK_LENDS(n) must not return with its\n"
	"argument still lent.\n"
	"Fix: reap first; on a cancel path, cancel the operation and wait for\n"
	"its completion, or keep the storage alive where the completion is\n"
	"reaped. Suppress a finding with\n"
	"  // cancelcheck: ignore[cancel-lent-buffer] <reason>\n",
	.on_leak = on_leak,
};
