/* A check: reads the core's findings for one function and words them as
 * diagnostics. Registered in checks/checks.c, one sorted list. */
#ifndef CCK_CHECK_H
#define CCK_CHECK_H

#include "dataflow.h"
#include "diag.h"

struct cck_check_ctx {
	struct cck_tu *tu;
	struct cck_sink *sink;
};

struct cck_check {
	const char *name;
	const char *doc;	/* one line, for --list-checks */
	const char *explain;	/* a paragraph, for --explain */
	void (*on_leak)(const struct cck_check_ctx *c, const struct cck_leak *l);
};

/* Sorted by name, NULL-terminated. */
extern const struct cck_check *const cck_checks[];

/* Check names in the product contract that this version does not ship. */
extern const char *const cck_planned_checks[];

const struct cck_check *cck_check_by_name(const char *name);

/* Helpers for wording findings. */
const char *cck_loc_file(const struct cck_check_ctx *c, struct cck_loc l);
const char *cck_sym_str(const struct cck_check_ctx *c, cck_sym s);
struct cck_leak;
/* Where the cancel edge of a finding leaves, for its message: "'read' is
 * cancelled here", or for a C++ coroutine "the coroutine is destroyed at
 * this 'co_await'" (g_free it). */
char *cck_cancelled_here(const struct cck_check_ctx *c, const struct cck_leak *l);

#endif
