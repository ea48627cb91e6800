/* The registration list of checks: keep it sorted by name. */
#include <string.h>
#include "check.h"

extern const struct cck_check cck_check_held_guard;
extern const struct cck_check cck_check_lost_value;
extern const struct cck_check cck_check_suspend_holding_lock;

const struct cck_check *const cck_checks[] = {
	&cck_check_held_guard,		/* cancel-held-guard */
	&cck_check_lost_value,		/* cancel-lost-value */
	&cck_check_suspend_holding_lock,		/* suspend-holding-lock */
	NULL,
};

const char *const cck_planned_checks[] = {
	"blocking-in-coroutine",
	"cancel-discarded-op",
	"cancel-lent-buffer",
	"cancel-split-write",
	NULL,
};

const struct cck_check *cck_check_by_name(const char *name)
{
	for (const struct cck_check *const *c = cck_checks; *c; c++)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}

const char *cck_loc_file(const struct cck_check_ctx *c, struct cck_loc l)
{
	return l.file ? cck_str(&c->tu->strs, l.file) : "<unknown>";
}

const char *cck_sym_str(const struct cck_check_ctx *c, cck_sym s)
{
	return cck_str(&c->tu->strs, s);
}
