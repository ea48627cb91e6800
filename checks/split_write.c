/* cancel-split-write: one message written to a stream in two or more
 * writes with a suspend point between them; cancelled there, the peer has
 * half a message and the stream is still open for the next one. */
#include "check.h"

static void on_leak(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	if (l->kind != CCK_LEAK_SPLIT_WRITE)
		return;
	const char *what = cck_sym_str(c, l->what);
	char *when = cck_cancelled_here(c, l);
	struct cck_diag *d = cck_report(c->sink, "cancel-split-write",
		cck_loc_file(c, l->at), l->at.line, l->at.col,
		"the message to '%s' is cut if %s: part of it is written and the stream "
		"stays open", what, when);
	g_free(when);
	if (l->origin.line)
		cck_note(d, cck_loc_file(c, l->origin), l->origin.line, l->origin.col, true,
			 "its first part is written here by '%s'", cck_sym_str(c, l->origin_callee));
	cck_note(d, cck_loc_file(c, l->at), l->at.line, l->at.col, false,
		 "fix: assemble the message and write it once (or with writev), close the "
		 "stream on the cancel path, or shield the writes");
}

const struct cck_check cck_check_split_write = {
	.name = "cancel-split-write",
	.doc = "a message written in two parts with a cancel edge between them",
	.explain =
	"A message is written to one stream (a descriptor, a connection) by two\n"
	"or more writes with a suspend point between them. Cancelled there, the\n"
	"first part is gone and the rest is not: the peer reads half a message,\n"
	"or the next message is appended to the half. A helper that writes\n"
	"twice is followed through its summary to the caller that decides what\n"
	"happens to the stream.\n"
	"Fix: write the message in one call (assemble it, or use writev); close\n"
	"the stream (or mark it broken and close it) on the cancel path; or\n"
	"shield the writes. A write whose progress the caller keeps\n"
	"(cco_write_all with a progress pointer) can be resumed and is not\n"
	"reported. Suppress a finding with\n"
	"  // cancelcheck: ignore[cancel-split-write] <reason>\n",
	.on_leak = on_leak,
};
