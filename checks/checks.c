/* The registration list of checks: keep it sorted by name. */
#include <string.h>
#include "check.h"

extern const struct cck_check cck_check_blocking_in_coroutine;
extern const struct cck_check cck_check_discarded_op;
extern const struct cck_check cck_check_held_guard;
extern const struct cck_check cck_check_lent_buffer;
extern const struct cck_check cck_check_lost_value;
extern const struct cck_check cck_check_split_write;
extern const struct cck_check cck_check_suspend_holding_lock;

const struct cck_check *const cck_checks[] = {
	&cck_check_blocking_in_coroutine,		/* blocking-in-coroutine */
	&cck_check_discarded_op,		/* cancel-discarded-op */
	&cck_check_held_guard,		/* cancel-held-guard */
	&cck_check_lent_buffer,		/* cancel-lent-buffer */
	&cck_check_lost_value,		/* cancel-lost-value */
	&cck_check_split_write,		/* cancel-split-write */
	&cck_check_suspend_holding_lock,		/* suspend-holding-lock */
	NULL,
};

const char *const cck_planned_checks[] = {
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

char *cck_cancelled_here(const struct cck_check_ctx *c, const struct cck_leak *l)
{
	const char *at = cck_sym_str(c, l->suspend_callee);
	return l->model == CCK_CANCEL_DESTROYS
		? g_strdup_printf("the coroutine is destroyed at this '%s'", at)
		: g_strdup_printf("'%s' is cancelled here", at);
}
