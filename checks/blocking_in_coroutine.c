/* blocking-in-coroutine: a call that blocks the thread (sleep, a blocking
 * read, pthread_cond_wait, ...) in code that runs as a coroutine: every
 * coroutine of that thread stalls until it returns, and none of them can
 * be cancelled meanwhile. */
#include "check.h"

static void on_leak(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	if (l->kind != CCK_LEAK_BLOCKING)
		return;
	const char *call = cck_sym_str(c, l->what);
	const char *fn = cck_sym_str(c, l->func->name);
	struct cck_diag *d;
	if (l->via && l->via != l->what)
		d = cck_report(c->sink, "blocking-in-coroutine", cck_loc_file(c, l->at),
			l->at.line, l->at.col,
			"'%s' blocks the thread inside coroutine '%s' (it calls '%s'): the "
			"other coroutines of this thread stall until it returns",
			call, fn, cck_sym_str(c, l->via));
	else
		d = cck_report(c->sink, "blocking-in-coroutine", cck_loc_file(c, l->at),
			l->at.line, l->at.col,
			"'%s' blocks the thread inside coroutine '%s': the other coroutines "
			"of this thread stall until it returns", call, fn);
	if (l->body_spawned && l->body_spawner)
		cck_note(d, cck_loc_file(c, l->func->loc), l->func->loc.line, l->func->loc.col,
			 true, "'%s' runs as a coroutine: it is passed to '%s' as its body", fn,
			 cck_sym_str(c, l->body_spawner));
	else
		cck_note(d, cck_loc_file(c, l->func->loc), l->func->loc.line, l->func->loc.col,
			 true, "'%s' runs as a coroutine: it reaches a coroutine suspend point", fn);
	cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false, c->tu->cxx
		 ? "fix: co_await the coroutine library's form (a timer, an async read, an "
		   "awaited lock), or move the blocking work to another thread"
		 : "fix: use the runtime's suspending form (cco_sleep, cco_read, cco_mutex, ...), "
		   "or move the blocking work to a thread");
}

const struct cck_check cck_check_blocking_in_coroutine = {
	.name = "blocking-in-coroutine",
	.doc = "a thread-blocking call in code that runs as a coroutine",
	.explain =
	"A call that blocks the thread while it waits (sleep, usleep,\n"
	"nanosleep, pthread_cond_wait, pthread_join, a blocking read, recv,\n"
	"accept, connect, poll or select, or any function annotated\n"
	"CCK_BLOCKS) is made by a function that runs as a coroutine: one\n"
	"passed as the body to cco_spawn or cco_exec_run (or an API annotated\n"
	"CCK_COROUTINE_BODY), or one that reaches a coroutine suspend point.\n"
	"A helper that blocks is followed through its summary. While it\n"
	"blocks, the other coroutines of the thread do not run, their\n"
	"deadlines pass unnoticed, and none of them can be cancelled.\n"
	"Fix: use the suspending form the runtime offers (cco_sleep, cco_read,\n"
	"cco_mutex), or move the blocking work to a thread. Suppress a finding\n"
	"with\n"
	"  // cancelcheck: ignore[blocking-in-coroutine] <reason>\n",
	.on_leak = on_leak,
};
