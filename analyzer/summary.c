/* Call resolution and summaries: turns each raw call into the events of
 * its role or of its callee's summary, bottom-up over the call graph. */
#include <stdlib.h>
#include <string.h>
#include "dataflow.h"
#include "program.h"

void cck_tu_init(struct cck_tu *tu)
{
	memset(tu, 0, sizeof *tu);
	cck_strtab_init(&tu->strs);
	tu->funcs = g_ptr_array_new_with_free_func((GDestroyNotify)cck_func_free);
	tu->func_by_name = g_hash_table_new(NULL, NULL);
	tu->decl_roles = g_hash_table_new_full(NULL, NULL, NULL, cck_role_free);
	tu->summaries = g_hash_table_new_full(NULL, NULL, NULL, cck_summary_free);
	tu->decl_syms = g_hash_table_new(NULL, NULL);
	tu->defined = g_hash_table_new(NULL, NULL);
	tu->waiters = g_hash_table_new_full(NULL, NULL, NULL,
					    (GDestroyNotify)g_ptr_array_unref);
	tu->callee_info = g_hash_table_new_full(NULL, NULL, NULL, g_free);
	tu->start_routines = g_hash_table_new(NULL, NULL);
	tu->coro_bodies = g_hash_table_new(NULL, NULL);
	tu->tables = g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_array_unref);
	tu->static_vars = g_hash_table_new(NULL, NULL);
	tu->creates = g_array_new(FALSE, FALSE, sizeof(struct cck_create));
	tu->cancel_fields = g_hash_table_new(NULL, NULL);
	tu->self_cancel = g_hash_table_new(NULL, NULL);
}

void cck_tu_fini(struct cck_tu *tu)
{
	g_hash_table_unref(tu->summaries);
	g_hash_table_unref(tu->decl_syms);
	g_hash_table_unref(tu->defined);
	g_hash_table_unref(tu->waiters);
	g_hash_table_unref(tu->callee_info);
	g_hash_table_unref(tu->start_routines);
	g_hash_table_unref(tu->coro_bodies);
	g_hash_table_unref(tu->tables);
	g_hash_table_unref(tu->static_vars);
	g_array_free(tu->creates, TRUE);
	g_hash_table_unref(tu->cancel_fields);
	g_hash_table_unref(tu->self_cancel);
	if (tu->main_only)
		g_hash_table_unref(tu->main_only);
	g_hash_table_unref(tu->decl_roles);
	g_hash_table_unref(tu->func_by_name);
	g_ptr_array_free(tu->funcs, TRUE);
	cck_strtab_fini(&tu->strs);
}

const struct cck_role *cck_tu_role(const struct cck_tu *tu, cck_sym fn)
{
	if (!fn)
		return NULL;
	const char *name = cck_str(&tu->strs, fn);
	if (tu->config) {
		const struct cck_role *r = g_hash_table_lookup(tu->config->functions, name);
		if (r)
			return r;
	}
	const struct cck_role *r = g_hash_table_lookup(tu->decl_roles,
						       GUINT_TO_POINTER(fn));
	if (r)
		return r;
	unsigned models = tu->models | (tu->uses_cancellation ? CCK_MODEL_POSIX : 0);
	return cck_model_role(models, name);
}

struct cck_summary *cck_summary_new(void)
{
	struct cck_summary *s = g_new0(struct cck_summary, 1);
	s->acquires = g_ptr_array_new_with_free_func(g_free);
	s->try_acquires = g_ptr_array_new_with_free_func(g_free);
	s->try_success = g_byte_array_new();
	s->releases = g_ptr_array_new_with_free_func(g_free);
	s->releases_after = g_ptr_array_new_with_free_func(g_free);
	s->consumes_keys = g_ptr_array_new_with_free_func(g_free);
	s->lends = g_ptr_array_new_with_free_func(g_free);
	s->lend_rings = g_ptr_array_new_with_free_func(g_free);
	s->reaps = g_ptr_array_new_with_free_func(g_free);
	s->partial = g_ptr_array_new_with_free_func(g_free);
	s->ends = g_ptr_array_new_with_free_func(g_free);
	return s;
}

void cck_summary_free(gpointer p)
{
	struct cck_summary *s = p;
	if (!s)
		return;
	g_ptr_array_free(s->acquires, TRUE);
	g_ptr_array_free(s->try_acquires, TRUE);
	g_byte_array_free(s->try_success, TRUE);
	g_ptr_array_free(s->releases, TRUE);
	g_ptr_array_free(s->releases_after, TRUE);
	g_ptr_array_free(s->consumes_keys, TRUE);
	g_ptr_array_free(s->lends, TRUE);
	g_ptr_array_free(s->lend_rings, TRUE);
	g_ptr_array_free(s->reaps, TRUE);
	g_ptr_array_free(s->partial, TRUE);
	g_ptr_array_free(s->ends, TRUE);
	g_free(s);
}

static bool strs_equal(const GPtrArray *a, const GPtrArray *b)
{
	if (a->len != b->len)
		return false;
	for (unsigned i = 0; i < a->len; i++)
		if (strcmp(a->pdata[i], b->pdata[i]))
			return false;
	return true;
}

bool cck_summary_equal(const struct cck_summary *a, const struct cck_summary *b)
{
	return a->suspends == b->suspends && a->consumes == b->consumes &&
	       a->lost_on_cancel == b->lost_on_cancel &&
	       a->returns_owned == b->returns_owned &&
	       a->owned_success == b->owned_success &&
	       !memcmp(a->suspend_when, b->suspend_when, sizeof a->suspend_when) &&
	       strs_equal(a->acquires, b->acquires) &&
	       strs_equal(a->try_acquires, b->try_acquires) &&
	       a->try_success->len == b->try_success->len &&
	       (!a->try_success->len ||
		!memcmp(a->try_success->data, b->try_success->data, a->try_success->len)) &&
	       strs_equal(a->releases, b->releases) &&
	       strs_equal(a->releases_after, b->releases_after) &&
	       strs_equal(a->consumes_keys, b->consumes_keys) &&
	       strs_equal(a->lends, b->lends) && strs_equal(a->lend_rings, b->lend_rings) &&
	       strs_equal(a->reaps, b->reaps) && strs_equal(a->partial, b->partial) &&
	       strs_equal(a->ends, b->ends) &&
	       a->blocks_via == b->blocks_via && a->acquired_by == b->acquired_by;
}

/* ---- resolution ------------------------------------------------------- */

struct out {
	struct cck_tu *tu;
	GArray *ev;
	const struct cck_event *call;
};

static struct cck_event *put(struct out *o, enum cck_ev_kind kind)
{
	struct cck_event e = *o->call;
	e.kind = kind;
	e.nargs = 0;
	e.key = e.var = e.var2 = e.text = 0;
	e.mask = e.aux = e.model = 0;
	e.res = 0;
	g_array_append_val(o->ev, e);
	return &g_array_index(o->ev, struct cck_event, o->ev->len - 1);
}

static const struct cck_arg *arg_at(const struct cck_func *f,
				    const struct cck_event *call, int i)
{
	if (i < 0 || (unsigned)i >= call->nargs)
		return NULL;
	return &g_array_index(f->args, struct cck_arg, call->arg0 + i);
}

static cck_sym arg_key(struct cck_tu *tu, const struct cck_func *f,
		       const struct cck_event *call, int i, const char *pattern)
{
	const struct cck_arg *args = call->nargs ? arg_at(f, call, 0) : NULL;
	if (pattern)
		return cck_key_subst(&tu->strs, pattern, args, call->nargs);
	const struct cck_arg *a = arg_at(f, call, i);
	return a ? a->key : 0;
}

/* The guard as the caller wrote it, when the role names an argument. */
static cck_sym arg_text(const struct cck_func *f, const struct cck_event *call,
			int i, const char *pattern, cck_sym key)
{
	const struct cck_arg *a = pattern ? NULL : arg_at(f, call, i);
	return a && a->text ? a->text : key;
}

/* "&p->node" (and "&p->a.b[2]"): the address of a member of what p
 * points to. Handing it over hands over *p: an intrusive list reaches the
 * object from its member (container_of). Returns p, or 0. */
static cck_sym member_owner(struct cck_tu *tu, const struct cck_arg *a)
{
	const char *t = a->text ? cck_str(&tu->strs, a->text) : "";
	if (t[0] != '&' || !(g_ascii_isalpha(t[1]) || t[1] == '_'))
		return 0;
	size_t n = 1;
	while (g_ascii_isalnum(t[n]) || t[n] == '_')
		n++;
	if (strncmp(t + n, "->", 2))
		return 0;
	char *name = g_strndup(t + 1, n - 1);
	cck_sym p = cck_intern(&tu->strs, name);
	g_free(name);
	return p;
}

static struct cck_event *consume_arg(struct out *o, const struct cck_func *f, int i,
				     enum cck_ev_kind kind, enum cck_consume how)
{
	const struct cck_arg *a = arg_at(f, o->call, i);
	if (!a || (!a->var && !a->key) || a->addr_of)
		return NULL;
	cck_sym owner = a->var ? 0 : member_owner(o->tu, a);
	/* A plain variable, or a path such as "*p": keys and variable names
	 * share the string table, so a path that is a name is that variable. */
	struct cck_event *e = put(o, kind);
	e->var = owner ? owner : a->var ? a->var : a->key;
	e->aux = how;
	return e;
}

/* A value lost if the call is cancelled: how that cancel edge leaves
 * decides which cleanups still save it. */
static void lose_on_cancel(struct out *o, const struct cck_func *f, int i, uint8_t model)
{
	struct cck_event *e = consume_arg(o, f, i, CCK_EV_LOSE_ON_CANCEL, CCK_BY_CALL);
	if (e)
		e->model = model ? model : CCK_CANCEL_RETURNS;
}

static void shield(struct out *o, const struct cck_func *f, const struct cck_role *r)
{
	bool on = r->shield == CCK_SHIELD_BEGIN;
	cck_sym restore = 0, saved = 0;
	if (r->shield == CCK_SHIELD_BY_ARG0) {	/* pthread_setcancelstate(state, &old) */
		const struct cck_arg *a = arg_at(f, o->call, 0);
		const struct cck_arg *b = arg_at(f, o->call, 1);
		on = a && a->is_const && a->value == 1;	/* PTHREAD_CANCEL_DISABLE */
		if (a && !a->is_const && !a->addr_of)
			restore = a->var;	/* back to a state saved earlier */
		if (b && b->addr_of)
			saved = b->var;
	}
	struct cck_event *e = put(o, on ? CCK_EV_SHIELD_ON : CCK_EV_SHIELD_OFF);
	e->var = restore;
	e->var2 = saved;
}

/* A hand-over that happens only when the result says so: pthread_create's
 * argument, a channel send's element ("&msg": msg's value). */
static void give(struct out *o, const struct cck_func *f, const struct cck_role *r)
{
	const struct cck_arg *ga = arg_at(f, o->call, r->gives);
	if (r->gives < 0 || !ga || !ga->var || ga->addr_of != r->gives_pointee)
		return;
	struct cck_event *e = put(o, CCK_EV_GIVE);
	e->var = ga->var;
	e->res = o->call->res;
	e->mask = r->gives_success ? r->gives_success : CCK_ZERO;
}

/* Storage lent to an operation: the variable holding it (or the path as
 * a name), whether it is this frame's, and the source whose reap ends it. */
static struct cck_event *lend(struct out *o, const struct cck_arg *a, cck_sym ring,
			      unsigned flags)
{
	if (!a || a->is_const || (!a->var && !a->key))
		return NULL;
	struct cck_event *e = put(o, CCK_EV_LEND);
	e->var = a->var ? a->var : a->key;
	e->key = a->addr_of && a->var ? a->var : a->text ? a->text : a->key;
	e->var2 = ring;
	e->aux = flags | (a->stack ? CCK_LEND_STACK : 0);
	return e;
}

static void reap(struct out *o, cck_sym ring, unsigned mask)
{
	if (mask && mask != CCK_ANY && !o->call->res)
		return;	/* no result to tell (a cleanup handler's call): maybe not */
	struct cck_event *e = put(o, CCK_EV_REAP);
	e->var2 = ring;
	if (mask && mask != CCK_ANY && o->call->res) {
		e->res = o->call->res;
		e->mask = mask;
	}
}

/* The stream a write goes to, unless the caller keeps its progress (and
 * can resume the message from there). */
static void write_part(struct out *o, const struct cck_func *f, const struct cck_role *r)
{
	const struct cck_arg *a = arg_at(f, o->call, r->writes);
	const struct cck_arg *p = arg_at(f, o->call, r->write_progress);
	/* a progress pointer: a variable or a path, not a constant (NULL) */
	bool kept = p && !p->is_const &&
		    (p->var || (p->key && !g_ascii_isdigit(*cck_str(&o->tu->strs, p->key))));
	if (!a || !a->key || kept)
		return;
	struct cck_event *e = put(o, CCK_EV_WRITE);
	e->key = a->key;
	e->text = a->text ? a->text : a->key;	/* as written, for messages */
}

/* A function named by an argument (fn or &fn), run as a coroutine. */
static void coroutine_body(struct cck_tu *tu, const struct cck_func *f,
			   const struct cck_event *c, int i)
{
	const struct cck_arg *a = arg_at(f, c, i);
	if (!a || !a->key)
		return;
	const char *k = cck_str(&tu->strs, a->key);
	cck_sym fn = *k == '&' ? cck_intern(&tu->strs, k + 1) : a->key;
	g_hash_table_insert(tu->coro_bodies, GUINT_TO_POINTER(fn), GUINT_TO_POINTER(c->callee));
}

/* Order: what the callee gives up happens before it suspends, what it
 * takes after, so a caller is not blamed for its callee's own window. */
static void resolve_role(struct cck_tu *tu, struct out *o, const struct cck_func *f,
			 const struct cck_role *r)
{
	const struct cck_event *c = o->call;
	if (r->coroutine_body >= 0)
		coroutine_body(tu, f, c, r->coroutine_body);
	if (r->blocks)
		put(o, CCK_EV_BLOCK);
	if (r->shield)
		shield(o, f, r);
	if (r->releases >= 0 || r->release_expr) {
		cck_sym k = arg_key(tu, f, c, r->releases, r->release_expr);
		if (k)
			put(o, CCK_EV_RELEASE)->key = k;
	}
	consume_arg(o, f, r->consumes, CCK_EV_CONSUME, CCK_BY_CALL);
	if (!r->suspends)
		give(o, f, r);
	lose_on_cancel(o, f, r->consumes_on_cancel, r->suspends);
	if (r->lends_async || r->lends_fd >= 0) {
		const struct cck_arg *ra = arg_at(f, c, r->lend_ring);
		cck_sym ring = ra ? ra->key : 0;
		bool cond = r->lend_success && r->lend_success != CCK_ANY && c->res;
		if (cond)	/* the result is new: what it decides starts here */
			put(o, CCK_EV_KILL)->var = c->res;
		for (int i = 0; i <= 16; i++) {
			struct cck_event *e = i < 16 ? (r->lends_async >> i & 1 ?
				lend(o, arg_at(f, c, i), ring, 0) : NULL) :
				lend(o, arg_at(f, c, r->lends_fd), ring, CCK_LEND_FD);
			if (e && cond) {
				e->res = c->res;
				e->mask = r->lend_success;
			}
		}
	}
	if (r->suspends) {
		struct cck_event *e = put(o, CCK_EV_SUSPEND);
		e->model = r->suspends;
		e->res = c->res;
		give(o, f, r);	/* a cancelled call handed nothing over */
	}
	if (r->reaps) {
		const struct cck_arg *ra = arg_at(f, c, r->reap_ring);
		reap(o, ra ? ra->key : 0, r->reap_success);
	}
	if (r->writes >= 0)
		write_part(o, f, r);
	const struct cck_arg *ea = arg_at(f, c, r->ends_stream);
	if (ea && ea->key) {
		struct cck_event *e = put(o, CCK_EV_MARK);
		e->var = ea->key;
		e->aux = 1;
	}
	if (r->acquires >= 0 || r->acquire_expr) {
		cck_sym k = arg_key(tu, f, c, r->acquires, r->acquire_expr);
		if (k) {
			struct cck_event *e = put(o, CCK_EV_ACQUIRE);
			e->key = k;
			e->text = arg_text(f, c, r->acquires, r->acquire_expr, k);
		}
	}
	if (r->try_acquires >= 0 || r->try_acquire_expr) {
		cck_sym k = arg_key(tu, f, c, r->try_acquires, r->try_acquire_expr);
		if (k) {
			struct cck_event *e = put(o, CCK_EV_ACQUIRE);
			e->key = k;
			e->text = arg_text(f, c, r->try_acquires, r->try_acquire_expr, k);
			e->res = c->res;
			e->mask = r->try_success ? r->try_success : CCK_ZERO;
			e->aux = r->suspends != 0;
		}
	}
	const struct cck_arg *mv = arg_at(f, c, r->moves);
	if (r->moves >= 0 && c->res && mv && mv->var && !mv->addr_of) {
		struct cck_event *e = put(o, CCK_EV_MOVE);
		e->res = c->res;
		e->var = mv->var;
		e->mask = r->owned_success ? r->owned_success : CCK_NONZERO;
	} else if (r->returns_owned && c->res) {
		struct cck_event *e = put(o, CCK_EV_OWN);
		e->res = c->res;
		e->mask = r->owned_success ? r->owned_success : CCK_NONZERO;
		e->aux = r->suspends != 0;
	} else if (c->res && !r->suspends && r->gives < 0 &&
		   !(r->try_acquires >= 0 || r->try_acquire_expr) &&
		   !(r->reaps && r->reap_success) &&	/* REAP starts the result anew */
		   !((r->lends_async || r->lends_fd >= 0) && r->lend_success)) {
		put(o, CCK_EV_KILL)->var = c->res;
	}
}

/* Whether a call can reach the callee's suspend points, given its
 * constant arguments ("drop(it, KEEP)" where only CLOSE suspends). */
static bool may_suspend(const struct cck_func *f, const struct cck_event *c,
			const struct cck_summary *s)
{
	for (unsigned i = 0; i < c->nargs && i < CCK_SUM_PARAMS; i++) {
		const struct cck_arg *a = arg_at(f, c, i);
		if (a->is_const && !(cck_region_of(a->value) & s->suspend_when[i]))
			return false;
	}
	return true;
}

/* A summary's guard pattern as the caller wrote its arguments, for
 * messages ("&d->mu" rather than what d was initialized from). */
static cck_sym pattern_text(struct cck_tu *tu, const char *pattern,
			    const struct cck_arg *args, unsigned nargs, cck_sym key)
{
	if (!nargs || nargs > 16)
		return key;
	struct cck_arg as[16];
	for (unsigned i = 0; i < nargs; i++) {
		as[i] = args[i];
		if (as[i].text)
			as[i].key = as[i].text;
	}
	cck_sym t = cck_key_subst(&tu->strs, pattern, as, nargs);
	return t ? t : key;
}

static void resolve_summary(struct cck_tu *tu, struct out *o, const struct cck_func *f,
			    const struct cck_summary *s)
{
	const struct cck_event *c = o->call;
	const struct cck_arg *args = c->nargs ? arg_at(f, c, 0) : NULL;
	for (unsigned i = 0; i < s->releases->len; i++) {
		cck_sym k = cck_key_subst(&tu->strs, s->releases->pdata[i], args, c->nargs);
		if (k)
			put(o, CCK_EV_RELEASE)->key = k;
	}
	/* released only after a cancellation point: held on its cancel edge */
	bool can_suspend = s->suspends && may_suspend(f, c, s);
	for (unsigned i = 0; i < c->nargs && i < 32; i++) {
		if ((s->lost_on_cancel & (1u << i)) && can_suspend)
			lose_on_cancel(o, f, i, s->suspends);
		else if ((s->consumes | s->lost_on_cancel) & (1u << i))
			consume_arg(o, f, i, CCK_EV_CONSUME, CCK_BY_CALL);
	}
	for (unsigned i = 0; i < s->consumes_keys->len; i++) {
		cck_sym k = cck_key_subst(&tu->strs, s->consumes_keys->pdata[i], args, c->nargs);
		if (k) {
			struct cck_event *e = put(o, CCK_EV_CONSUME);
			e->var = k;
			e->aux = CCK_BY_CALL;
		}
	}
	if (s->blocks_via) {
		struct cck_event *e = put(o, CCK_EV_BLOCK);
		e->var2 = s->blocks_via;
	}
	for (unsigned i = 0; i < s->lends->len; i++) {
		const char *p = s->lends->pdata[i];	/* "#$0->fd": a descriptor */
		unsigned flags = *p == '#' ? CCK_LEND_FD : 0;
		p += *p == '#';
		const char *rp = s->lend_rings->pdata[i];
		cck_sym ring = *rp ? cck_key_subst(&tu->strs, rp, args, c->nargs) : 0;
		int n = p[0] == '$' ? atoi(p + 1) : -1;
		char tail[8];
		snprintf(tail, sizeof tail, "$%d", n);
		if (n >= 0 && !strcmp(p, tail)) {	/* the argument itself */
			lend(o, arg_at(f, c, n), ring, flags);
			continue;
		}
		cck_sym k = cck_key_subst(&tu->strs, p, args, c->nargs);
		if (k) {
			struct cck_arg a = { .key = k, .text = pattern_text(tu, p, args, c->nargs, k) };
			lend(o, &a, ring, flags);
		}
	}
	if (can_suspend) {
		struct cck_event *e = put(o, CCK_EV_SUSPEND);
		e->model = s->suspends;
		e->res = c->res;
		for (unsigned i = 0; i < c->nargs && i < CCK_SUM_PARAMS; i++) {
			const struct cck_arg *a = arg_at(f, c, i);
			if (s->suspend_when[i] != CCK_ANY && a->var && !a->addr_of) {
				e->var = a->var;	/* suspends only where var is in mask */
				e->mask = s->suspend_when[i];
				break;
			}
		}
	}
	for (unsigned i = 0; i < s->reaps->len; i++) {
		const char *p = s->reaps->pdata[i];
		reap(o, *p ? cck_key_subst(&tu->strs, p, args, c->nargs) : 0, 0);
	}
	for (unsigned i = 0; i < s->ends->len; i++) {
		cck_sym k = cck_key_subst(&tu->strs, s->ends->pdata[i], args, c->nargs);
		if (k) {
			struct cck_event *e = put(o, CCK_EV_MARK);
			e->var = k;
			e->aux = 1;
		}
	}
	for (unsigned i = 0; can_suspend && i < s->partial->len; i++) {
		cck_sym k = cck_key_subst(&tu->strs, s->partial->pdata[i], args, c->nargs);
		if (k) {
			struct cck_event *e = put(o, CCK_EV_WRITE);
			e->key = k;
			e->aux = 1;	/* half a message only if cancelled in it */
		}
	}
	for (unsigned i = 0; i < s->releases_after->len; i++) {
		cck_sym k = cck_key_subst(&tu->strs, s->releases_after->pdata[i], args, c->nargs);
		if (k)
			put(o, CCK_EV_RELEASE)->key = k;
	}
	for (unsigned i = 0; i < s->acquires->len; i++) {
		cck_sym k = cck_key_subst(&tu->strs, s->acquires->pdata[i], args, c->nargs);
		if (k) {
			struct cck_event *e = put(o, CCK_EV_ACQUIRE);
			e->key = k;
			e->text = pattern_text(tu, s->acquires->pdata[i], args, c->nargs, k);
		}
	}
	for (unsigned i = 0; i < s->try_acquires->len && c->res; i++) {
		cck_sym k = cck_key_subst(&tu->strs, s->try_acquires->pdata[i], args, c->nargs);
		if (k) {
			struct cck_event *e = put(o, CCK_EV_ACQUIRE);
			e->key = k;
			e->text = pattern_text(tu, s->try_acquires->pdata[i], args, c->nargs, k);
			e->res = c->res;
			e->mask = s->try_success->data[i];
			e->aux = s->suspends != 0;
		}
	}
	if (s->returns_owned && c->res) {
		struct cck_event *e = put(o, CCK_EV_OWN);
		e->res = c->res;
		e->mask = s->owned_success ? s->owned_success : CCK_NONZERO;
		e->aux = s->suspends != 0;
	} else if (c->res && !s->suspends && !s->try_acquires->len) {
		put(o, CCK_EV_KILL)->var = c->res;
	}
}

/* A function we cannot see may keep what it is given: its pointer and
 * descriptor arguments escape, unless the system declares it. */
static void resolve_unknown(struct out *o, const struct cck_func *f, bool system)
{
	const struct cck_event *c = o->call;
	if (!system)
		for (unsigned i = 0; i < c->nargs; i++) {
			const struct cck_arg *a = arg_at(f, c, i);
			if (a->addr_of && a->var) {	/* &local: its members escape */
				struct cck_event *e = put(o, CCK_EV_CONSUME);
				e->var = a->var;
				e->aux = CCK_BY_ESCAPE_ADDR;
			} else {
				consume_arg(o, f, i, CCK_EV_CONSUME, CCK_BY_ESCAPE);
			}
		}
	if (c->res)
		put(o, CCK_EV_KILL)->var = c->res;
}

/* The summary of fn: of this TU's definition, or with -p, of another
 * TU's (imported once, into this TU's strings). */
static const struct cck_summary *summary_of(struct cck_tu *tu, cck_sym fn)
{
	if (!fn)
		return NULL;
	const struct cck_summary *s = g_hash_table_lookup(tu->summaries, GUINT_TO_POINTER(fn));
	if (s || !tu->program || g_hash_table_contains(tu->func_by_name, GUINT_TO_POINTER(fn)) ||
	    g_hash_table_contains(tu->defined, GUINT_TO_POINTER(fn)))
		return s;
	json_object *j = cck_program_summary(tu->program, cck_str(&tu->strs, fn));
	if (!j)
		return NULL;
	struct cck_summary *n = cck_summary_from_json(tu, j);
	g_hash_table_insert(tu->summaries, GUINT_TO_POINTER(fn), n);
	return n;
}

const struct cck_summary *cck_tu_summary(struct cck_tu *tu, cck_sym fn)
{
	return summary_of(tu, fn);
}

/* Whether a call's result says what happened: declared so, or a
 * suspending call whose cancellation shows in its result ('returns') and
 * whose result decides whether it acquired, handed over or obtained
 * something. (A POSIX cancellation point never returns cancelled.) */
static bool role_decides(const struct cck_role *r)
{
	return r->must_use ||
	       (r->suspends == CCK_CANCEL_RETURNS &&
		(r->try_acquires >= 0 || r->try_acquire_expr || r->gives >= 0 || r->returns_owned));
}

static bool summary_decides(const struct cck_summary *s)
{
	return s->suspends == CCK_CANCEL_RETURNS && (s->try_acquires->len || s->returns_owned);
}

static void discarded(struct out *o, bool suspends)
{
	if (!(o->call->model & (CCK_CALL_DISCARDED | CCK_CALL_UNREAD)))
		return;
	struct cck_event *e = put(o, CCK_EV_DISCARD);
	e->aux = !(o->call->model & CCK_CALL_DISCARDED);
	e->model = suspends;	/* the result may say "cancelled" */
}

/* The locks the events from index from on name, through the caller's
 * aliases ("h.m_", the member a local object's constructor bound to mu,
 * is mu). */
static void alias_events(struct cck_tu *tu, const struct cck_func *f, GArray *ev,
			 unsigned from)
{
	if (!f->aliases)
		return;
	for (unsigned i = from; i < ev->len; i++) {
		struct cck_event *e = &g_array_index(ev, struct cck_event, i);
		if (e->kind != CCK_EV_ACQUIRE && e->kind != CCK_EV_RELEASE)
			continue;
		e->key = cck_key_alias(&tu->strs, f->aliases, e->key);
		if (e->text)
			e->text = cck_key_alias(&tu->strs, f->aliases, e->text);
	}
}

static void resolve_call_as_is(struct cck_tu *tu, const struct cck_func *f,
			       const struct cck_event *c, GArray *ev);

static void resolve_call(struct cck_tu *tu, const struct cck_func *f,
			 const struct cck_event *c, GArray *ev)
{
	unsigned from = ev->len;
	resolve_call_as_is(tu, f, c, ev);
	alias_events(tu, f, ev, from);
	for (unsigned i = from; (c->model & CCK_CALL_RUNS_CLEANUP) && i < ev->len; i++)
		if (g_array_index(ev, struct cck_event, i).kind == CCK_EV_RELEASE)
			g_array_index(ev, struct cck_event, i).model |= CCK_RELEASE_BY_CLEANUP;
}

static void resolve_call_as_is(struct cck_tu *tu, const struct cck_func *f,
			       const struct cck_event *c, GArray *ev)
{
	struct out o = { tu, ev, c };
	const struct cck_role *r = cck_tu_role(tu, c->callee);
	bool must_use = r && r->must_use;
	if (r && !cck_role_is_empty(r)) {
		if (role_decides(r))
			discarded(&o, r->suspends == CCK_CANCEL_RETURNS);
		struct cck_role rest = *r;	/* must_use alone: the summary tells the rest */
		rest.must_use = false;
		rest.nonblocking = false;
		if (!cck_role_is_empty(&rest)) {
			resolve_role(tu, &o, f, r);
			return;
		}
	}
	const struct cck_summary *s = summary_of(tu, c->callee);
	if (s) {
		if (!must_use && summary_decides(s))
			discarded(&o, true);
		resolve_summary(tu, &o, f, s);
		return;
	}
	if (c->callee && g_hash_table_contains(tu->func_by_name, GUINT_TO_POINTER(c->callee))) {
		/* Defined here, no summary yet: a recursive call in the first
		 * round. Summaries are "held on every return" facts, computed
		 * as a greatest fixpoint: such paths do not count yet. */
		put(&o, CCK_EV_DIVERGE);
		return;
	}
	bool system = c->aux || (r && r->borrows);
	if (c->model & CCK_CALL_RUNS_CLEANUP) {
		/* The cancel edge assumes a handler we cannot see releases
		 * everything; run on the normal path, it releases what its
		 * argument names or contains (everything, if it names no path). */
		const struct cck_arg *a = arg_at(f, c, 0);
		struct cck_event *e = put(&o, CCK_EV_RELEASE);
		e->key = a && !a->is_const ? a->key : 0;
		e->aux = CCK_RELEASE_COVERED;
	}
	resolve_unknown(&o, f, system);
}

/* What a cleanup handler does to its argument, as events to replay on the
 * cancel edge. */
static void resolve_cleanup(struct cck_tu *tu, const struct cck_func *f,
			    struct cck_cleanup *cl)
{
	if (cl->effects)
		g_array_set_size(cl->effects, 0);
	else
		cl->effects = g_array_new(FALSE, FALSE, sizeof(struct cck_event));
	cl->unknown = false;
	struct cck_func tmp = *f;
	GArray *args = g_array_new(FALSE, FALSE, sizeof(struct cck_arg));
	g_array_append_val(args, cl->arg);
	tmp.args = args;
	struct cck_event call = { .kind = CCK_EV_CALL, .callee = cl->handler,
				  .arg0 = 0, .nargs = 1, .loc = cl->loc };
	struct out o = { tu, cl->effects, &call };
	const struct cck_role *r = cck_tu_role(tu, cl->handler);
	const struct cck_summary *s = summary_of(tu, cl->handler);
	if (r && !cck_role_is_empty(r))
		resolve_role(tu, &o, &tmp, r);
	else if (s)
		resolve_summary(tu, &o, &tmp, s);
	else
		cl->unknown = true;
	alias_events(tu, f, cl->effects, 0);
	g_array_free(args, TRUE);
}

static void resolve_func(struct cck_tu *tu, struct cck_func *f)
{
	for (unsigned i = 0; i < f->blocks->len; i++) {
		struct cck_block *b = g_ptr_array_index(f->blocks, i);
		if (b->ev)
			g_array_set_size(b->ev, 0);
		else if (b->raw)
			b->ev = g_array_sized_new(FALSE, FALSE, sizeof(struct cck_event), b->raw->len);
		for (unsigned j = 0; b->raw && j < b->raw->len; j++) {
			const struct cck_event *e = &g_array_index(b->raw, struct cck_event, j);
			if (e->kind == CCK_EV_CALL)
				resolve_call(tu, f, e, b->ev);
			else
				g_array_append_val(b->ev, *e);
		}
	}
	for (unsigned i = 0; i < f->cleanups->len; i++)
		resolve_cleanup(tu, f, &g_array_index(f->cleanups, struct cck_cleanup, i));
}

/* ---- call graph, bottom-up ------------------------------------------- */

struct scc {
	struct cck_tu *tu;
	GHashTable *index, *low;	/* func -> int + 1 */
	GPtrArray *stack;
	GHashTable *on_stack;
	GPtrArray *order;		/* GPtrArray * of components, callees first */
	int next;
};

static void add_unique(GPtrArray *out, cck_sym c)
{
	for (unsigned i = 0; i < out->len; i++)	/* a handful per function */
		if (GPOINTER_TO_UINT(out->pdata[i]) == c)
			return;
	g_ptr_array_add(out, GUINT_TO_POINTER(c));
}

/* Distinct names of the functions f calls or registers as cleanup
 * handlers: the edges of the call graph. */
static void callee_syms(const struct cck_func *f, GPtrArray *out)
{
	for (unsigned i = 0; i < f->blocks->len; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; b->raw && j < b->raw->len; j++) {
			const struct cck_event *e = &g_array_index(b->raw, struct cck_event, j);
			if (e->kind == CCK_EV_CALL && e->callee)
				add_unique(out, e->callee);
		}
	}
	for (unsigned i = 0; i < f->cleanups->len; i++) {
		cck_sym h = g_array_index(f->cleanups, struct cck_cleanup, i).handler;
		if (h)
			add_unique(out, h);
	}
}

/* ...of those, the ones the TU defines (lowered or not yet). */
static void callee_names(struct cck_tu *tu, const struct cck_func *f, GPtrArray *out)
{
	callee_syms(f, out);
	for (unsigned i = out->len; i-- > 0;)
		if (!g_hash_table_contains(tu->defined, out->pdata[i]))
			g_ptr_array_remove_index(out, i);
}

/* ...as lowered functions not analyzed yet. */
static void callees(struct cck_tu *tu, const struct cck_func *f, GPtrArray *out)
{
	GPtrArray *syms = g_ptr_array_new();
	callee_syms(f, syms);
	for (unsigned i = 0; i < syms->len; i++) {
		struct cck_func *g = g_hash_table_lookup(tu->func_by_name, syms->pdata[i]);
		if (g && !g->done)
			g_ptr_array_add(out, g);
	}
	g_ptr_array_free(syms, TRUE);
}

/* Tarjan's algorithm; recursion depth is bounded by call-chain length. */
static void strong(struct scc *s, struct cck_func *f)
{
	s->next++;
	g_hash_table_insert(s->index, f, GINT_TO_POINTER(s->next));
	g_hash_table_insert(s->low, f, GINT_TO_POINTER(s->next));
	g_ptr_array_add(s->stack, f);
	g_hash_table_add(s->on_stack, f);
	GPtrArray *cs = g_ptr_array_new();
	callees(s->tu, f, cs);
	for (unsigned i = 0; i < cs->len; i++) {
		struct cck_func *g = cs->pdata[i];
		if (!g_hash_table_contains(s->index, g)) {
			strong(s, g);
			int lg = GPOINTER_TO_INT(g_hash_table_lookup(s->low, g));
			int lf = GPOINTER_TO_INT(g_hash_table_lookup(s->low, f));
			if (lg < lf)
				g_hash_table_insert(s->low, f, GINT_TO_POINTER(lg));
		} else if (g_hash_table_contains(s->on_stack, g)) {
			int ig = GPOINTER_TO_INT(g_hash_table_lookup(s->index, g));
			int lf = GPOINTER_TO_INT(g_hash_table_lookup(s->low, f));
			if (ig < lf)
				g_hash_table_insert(s->low, f, GINT_TO_POINTER(ig));
		}
	}
	g_ptr_array_free(cs, TRUE);
	if (g_hash_table_lookup(s->low, f) != g_hash_table_lookup(s->index, f))
		return;
	GPtrArray *comp = g_ptr_array_new();
	struct cck_func *g;
	do {
		g = g_ptr_array_steal_index(s->stack, s->stack->len - 1);
		g_hash_table_remove(s->on_stack, g);
		g_ptr_array_add(comp, g);
	} while (g != f);
	g_ptr_array_add(s->order, comp);
}

/* Whether any event could change what the dataflow carries. */
static bool has_effects(const struct cck_func *f)
{
	for (unsigned i = 0; i < f->blocks->len; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; b->ev && j < b->ev->len; j++) {
			switch (g_array_index(b->ev, struct cck_event, j).kind) {
			case CCK_EV_COPY:
			case CCK_EV_KILL:
			case CCK_EV_SET:
			case CCK_EV_MARK:	/* into the summary without a run */
				break;
			default:
				return true;
			}
		}
	}
	return false;
}

static void analyze_one(struct cck_tu *tu, struct cck_func *f, cck_leak_fn fn, void *ctx);

static bool recursive(struct cck_tu *tu, GPtrArray *comp)
{
	if (comp->len > 1)
		return true;
	GPtrArray *cs = g_ptr_array_new();
	callees(tu, comp->pdata[0], cs);
	bool self = false;
	for (unsigned i = 0; i < cs->len; i++)
		self |= cs->pdata[i] == comp->pdata[0];
	g_ptr_array_free(cs, TRUE);
	return self;
}

/* --verbose: cleanups we could not see into are assumed to release all. */
static void note_unknown_cleanups(struct cck_tu *tu, struct cck_func *f)
{
	if (!tu->verbose || !tu->notes)
		return;
	for (unsigned k = 0; k < f->cleanups->len; k++) {
		struct cck_cleanup *cl = &g_array_index(f->cleanups, struct cck_cleanup, k);
		if (!cl->unknown)
			continue;
		g_string_append_printf(tu->notes,
			"%s:%u:%u: note: cleanup handler '%s' is not visible; "
			"assuming it releases everything on cancellation\n",
			cck_str(&tu->strs, cl->loc.file), cl->loc.line, cl->loc.col,
			cl->handler ? cck_str(&tu->strs, cl->handler) : "<indirect>");
	}
}

/* A function whose callees all have final summaries: one run gives both
 * its summary and its findings. */
static void analyze_one(struct cck_tu *tu, struct cck_func *f, cck_leak_fn fn, void *ctx)
{
	resolve_func(tu, f);
	note_unknown_cleanups(tu, f);
	f->done = true;
	if (!has_effects(f)) {	/* nothing to carry: no findings, a summary of marks */
		if (!f->has_role) {
			struct cck_summary *s = cck_summary_new();
			cck_summary_marks(tu, f, s);
			g_hash_table_insert(tu->summaries, GUINT_TO_POINTER(f->name), s);
		}
		return;
	}
	struct cck_summary *s = f->has_role ? NULL : cck_summary_new();
	cck_flow_run(tu, f, s, fn, ctx);
	if (s)
		g_hash_table_insert(tu->summaries, GUINT_TO_POINTER(f->name), s);
	if (!tu->keep_ir)
		cck_func_drop_ir(f);
}

void cck_func_lowered(struct cck_tu *tu, struct cck_func *f)
{
	GPtrArray *all = g_ptr_array_new();
	callee_syms(f, all);
	for (unsigned i = 0; i < all->len; i++) {
		cck_sym c = GPOINTER_TO_UINT(all->pdata[i]);
		g_array_append_val(f->callees, c);
	}
	g_ptr_array_free(all, TRUE);
	if (!tu->incremental)
		return;
	GPtrArray *cs = g_ptr_array_new();
	callee_names(tu, f, cs);
	f->pending = 0;
	for (unsigned i = 0; i < cs->len; i++) {
		cck_sym c = GPOINTER_TO_UINT(cs->pdata[i]);
		struct cck_func *g = g_hash_table_lookup(tu->func_by_name, GUINT_TO_POINTER(c));
		if (g == f) {
			f->pending = UINT32_MAX;	/* recursive: left to the SCC pass */
			break;
		}
		if (g && g->done)
			continue;
		GPtrArray *w = g_hash_table_lookup(tu->waiters, GUINT_TO_POINTER(c));
		if (!w) {
			w = g_ptr_array_new();
			g_hash_table_insert(tu->waiters, GUINT_TO_POINTER(c), w);
		}
		g_ptr_array_add(w, f);
		f->pending++;
	}
	g_ptr_array_free(cs, TRUE);
	if (f->pending)
		return;
	GPtrArray *ready = g_ptr_array_new();
	g_ptr_array_add(ready, f);
	while (ready->len) {
		struct cck_func *g = g_ptr_array_steal_index(ready, ready->len - 1);
		analyze_one(tu, g, tu->leak_fn, tu->leak_ctx);
		GPtrArray *w = g_hash_table_lookup(tu->waiters, GUINT_TO_POINTER(g->name));
		for (unsigned i = 0; w && i < w->len; i++) {
			struct cck_func *h = w->pdata[i];
			if (h->pending != UINT32_MAX && --h->pending == 0)
				g_ptr_array_add(ready, h);
		}
		if (w)
			g_hash_table_remove(tu->waiters, GUINT_TO_POINTER(g->name));
	}
	g_ptr_array_free(ready, TRUE);
}

/* Summaries of one component: iterate until they stop changing (they only
 * grow in a finite space, but cap the rounds to stay linear). */
static void summarize(struct cck_tu *tu, GPtrArray *comp, cck_leak_fn fn, void *ctx)
{
	bool rec = recursive(tu, comp);
	if (!rec) {
		analyze_one(tu, comp->pdata[0], fn, ctx);
		return;
	}
	for (int round = 0; round < 8; round++) {
		bool changed = false;
		for (unsigned i = 0; i < comp->len; i++) {
			struct cck_func *f = comp->pdata[i];
			resolve_func(tu, f);
			if (f->has_role)
				continue;
			struct cck_summary *s = cck_summary_new();
			cck_flow_run(tu, f, s, NULL, NULL);
			struct cck_summary *old = g_hash_table_lookup(tu->summaries,
				GUINT_TO_POINTER(f->name));
			if (old && cck_summary_equal(old, s)) {
				cck_summary_free(s);
				continue;
			}
			g_hash_table_insert(tu->summaries, GUINT_TO_POINTER(f->name), s);
			changed = true;
		}
		if (!changed)
			break;
	}
	/* final summaries of the component are in: re-resolve and check */
	for (unsigned i = 0; i < comp->len; i++) {
		resolve_func(tu, comp->pdata[i]);
		note_unknown_cleanups(tu, comp->pdata[i]);
		if (fn)
			cck_flow_run(tu, comp->pdata[i], NULL, fn, ctx);
	}
	for (unsigned i = 0; i < comp->len && !tu->keep_ir; i++)
		cck_func_drop_ir(comp->pdata[i]);
}

void cck_analyze_tu(struct cck_tu *tu, cck_leak_fn fn, void *ctx)
{
	struct scc s = {
		.tu = tu,
		.index = g_hash_table_new(NULL, NULL),
		.low = g_hash_table_new(NULL, NULL),
		.stack = g_ptr_array_new(),
		.on_stack = g_hash_table_new(NULL, NULL),
		.order = g_ptr_array_new(),
	};
	for (unsigned i = 0; i < tu->funcs->len; i++) {
		struct cck_func *f = tu->funcs->pdata[i];
		if (!f->done && !g_hash_table_contains(s.index, f))
			strong(&s, f);
	}
	for (unsigned i = 0; i < s.order->len; i++) {
		GPtrArray *comp = s.order->pdata[i];
		summarize(tu, comp, fn, ctx);
		g_ptr_array_free(comp, TRUE);
	}
	g_hash_table_unref(s.index);
	g_hash_table_unref(s.low);
	g_ptr_array_free(s.stack, TRUE);
	g_hash_table_unref(s.on_stack);
	g_ptr_array_free(s.order, TRUE);
	if (fn)
		cck_report_deferred(tu, fn, ctx);
}

void cck_report_deferred(struct cck_tu *tu, cck_leak_fn fn, void *ctx)
{
	for (unsigned i = 0; i < tu->funcs->len; i++) {
		struct cck_func *f = tu->funcs->pdata[i];
		gpointer spawner = NULL;
		bool spawned = g_hash_table_lookup_extended(tu->coro_bodies,
			GUINT_TO_POINTER(f->name), NULL, &spawner);
		/* A spawned body has no caller to hand its findings to. */
		for (unsigned j = 0; spawned && f->kept && j < f->kept->len; j++)
			fn(ctx, &g_array_index(f->kept, struct cck_leak, j));
		if (f->kept)
			g_array_set_size(f->kept, 0);
		if (!spawned && !f->suspends_coro)
			continue;
		for (unsigned j = 0; j < f->blocking->len; j++) {
			const struct cck_blocking *b = &g_array_index(f->blocking,
				struct cck_blocking, j);
			struct cck_leak l = {
				.kind = CCK_LEAK_BLOCKING, .func = f, .at = b->loc,
				.suspend_callee = b->callee, .what = b->callee, .via = b->via,
				.body_spawned = spawned,
				.body_spawner = GPOINTER_TO_UINT(spawner),
			};
			fn(ctx, &l);
		}
		g_array_set_size(f->blocking, 0);	/* reported once */
	}
}

/* ---- which thread runs it --------------------------------------------- */

/* Adds to set every function reachable from fn through calls and taken
 * addresses (a function that takes another's address may call it). */
static void reach(struct cck_tu *tu, cck_sym fn, GHashTable *set)
{
	GArray *work = g_array_new(FALSE, FALSE, sizeof(cck_sym));
	g_array_append_val(work, fn);
	while (work->len) {
		cck_sym s = g_array_index(work, cck_sym, work->len - 1);
		g_array_set_size(work, work->len - 1);
		if (!g_hash_table_add(set, GUINT_TO_POINTER(s)))
			continue;
		const struct cck_func *f = g_hash_table_lookup(tu->func_by_name,
							       GUINT_TO_POINTER(s));
		for (unsigned k = 0; f && k < f->callees->len; k++)
			g_array_append_val(work, g_array_index(f->callees, cck_sym, k));
		GArray *t = g_hash_table_lookup(tu->tables, GUINT_TO_POINTER(s));
		for (unsigned k = 0; t && k < t->len; k++)	/* a table of callbacks it reads */
			g_array_append_val(work, g_array_index(t, cck_sym, k));
	}
	g_array_free(work, TRUE);
}

/* What main reaches and no other thread can: the roots of other threads
 * are thread start routines, and every function or table of callbacks
 * other files may reach. A static table belongs to the functions that
 * read it. */
static GHashTable *main_only_set(struct cck_tu *tu)
{
	GHashTable *m = g_hash_table_new(NULL, NULL);
	cck_sym main_sym = cck_intern(&tu->strs, "main");
	if (!g_hash_table_contains(tu->func_by_name, GUINT_TO_POINTER(main_sym)) ||
	    g_hash_table_contains(tu->start_routines, GUINT_TO_POINTER(main_sym)))
		return m;
	GHashTable *other = g_hash_table_new(NULL, NULL);
	GHashTableIter it;
	gpointer k;
	g_hash_table_iter_init(&it, tu->start_routines);
	while (g_hash_table_iter_next(&it, &k, NULL))
		reach(tu, GPOINTER_TO_UINT(k), other);
	for (unsigned i = 0; i < tu->funcs->len; i++) {
		const struct cck_func *f = tu->funcs->pdata[i];
		if (!f->internal && f->name != main_sym)
			reach(tu, f->name, other);
	}
	g_hash_table_iter_init(&it, tu->tables);
	while (g_hash_table_iter_next(&it, &k, NULL))
		if (!g_hash_table_contains(tu->static_vars, k))
			reach(tu, GPOINTER_TO_UINT(k), other);
	reach(tu, main_sym, m);
	g_hash_table_iter_init(&it, other);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_hash_table_remove(m, k);
	g_hash_table_unref(other);
	return m;
}

bool cck_main_thread_only(struct cck_tu *tu, cck_sym fn)
{
	if (!tu->main_only)
		tu->main_only = main_only_set(tu);
	return g_hash_table_contains(tu->main_only, GUINT_TO_POINTER(fn));
}
