/* The whole program: per-TU facts, exported summaries, and the functions
 * that can run on a thread someone cancels. */
#include <string.h>
#include "dataflow.h"
#include "program.h"

/* ---- summaries as JSON -------------------------------------------------- */

static json_object *strs_json(const GPtrArray *a)
{
	json_object *j = json_object_new_array();
	for (unsigned i = 0; i < a->len; i++)
		json_object_array_add(j, json_object_new_string(a->pdata[i]));
	return j;
}

static void strs_from(json_object *o, const char *key, GPtrArray *to)
{
	json_object *a;
	if (!json_object_object_get_ex(o, key, &a) || !json_object_is_type(a, json_type_array))
		return;
	for (size_t i = 0; i < json_object_array_length(a); i++) {
		const char *s = json_object_get_string(json_object_array_get_idx(a, i));
		if (s)
			g_ptr_array_add(to, g_strdup(s));
	}
}

static int64_t num(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) ? json_object_get_int64(v) : 0;
}

bool cck_summary_says_something(const struct cck_summary *s)
{
	return s->suspends || s->acquires->len || s->releases->len ||
	       s->releases_after->len || s->consumes || s->consumes_keys->len ||
	       s->lost_on_cancel || s->returns_owned || s->try_acquires->len ||
	       s->lends->len || s->reaps->len || s->partial->len || s->blocks_via ||
	       s->ends->len;
}

json_object *cck_summary_to_json(const struct cck_tu *tu, const struct cck_summary *s)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "suspends", json_object_new_int(s->suspends));
	json_object *w = json_object_new_array();
	for (unsigned i = 0; i < CCK_SUM_PARAMS; i++)
		json_object_array_add(w, json_object_new_int(s->suspend_when[i]));
	json_object_object_add(o, "suspend_when", w);
	json_object_object_add(o, "acquires", strs_json(s->acquires));
	json_object_object_add(o, "releases", strs_json(s->releases));
	json_object_object_add(o, "releases_after", strs_json(s->releases_after));
	json_object_object_add(o, "consumes", json_object_new_int64(s->consumes));
	json_object_object_add(o, "consumes_keys", strs_json(s->consumes_keys));
	json_object_object_add(o, "lost_on_cancel", json_object_new_int64(s->lost_on_cancel));
	json_object_object_add(o, "returns_owned", json_object_new_boolean(s->returns_owned));
	json_object_object_add(o, "owned_success", json_object_new_int(s->owned_success));
	json_object_object_add(o, "try_acquires", strs_json(s->try_acquires));
	json_object *m = json_object_new_array();
	for (unsigned i = 0; i < s->try_success->len; i++)
		json_object_array_add(m, json_object_new_int(s->try_success->data[i]));
	json_object_object_add(o, "try_success", m);
	json_object_object_add(o, "via", json_object_new_string(
		s->suspend_via ? cck_str(&tu->strs, s->suspend_via) : ""));
	json_object_object_add(o, "lends", strs_json(s->lends));
	json_object_object_add(o, "lend_rings", strs_json(s->lend_rings));
	json_object_object_add(o, "reaps", strs_json(s->reaps));
	json_object_object_add(o, "partial", strs_json(s->partial));
	json_object_object_add(o, "ends", strs_json(s->ends));
	json_object_object_add(o, "blocks_via", json_object_new_string(
		s->blocks_via ? cck_str(&tu->strs, s->blocks_via) : ""));
	json_object_object_add(o, "acquired_by", json_object_new_string(
		s->acquired_by ? cck_str(&tu->strs, s->acquired_by) : ""));
	return o;
}

struct cck_summary *cck_summary_from_json(struct cck_tu *tu, json_object *o)
{
	struct cck_summary *s = cck_summary_new();
	s->suspends = num(o, "suspends");
	json_object *w = NULL;
	json_object_object_get_ex(o, "suspend_when", &w);
	for (unsigned i = 0; i < CCK_SUM_PARAMS; i++)
		s->suspend_when[i] = w && i < json_object_array_length(w)
			? json_object_get_int(json_object_array_get_idx(w, i)) : CCK_ANY;
	strs_from(o, "acquires", s->acquires);
	strs_from(o, "releases", s->releases);
	strs_from(o, "releases_after", s->releases_after);
	s->consumes = num(o, "consumes");
	strs_from(o, "consumes_keys", s->consumes_keys);
	s->lost_on_cancel = num(o, "lost_on_cancel");
	s->returns_owned = num(o, "returns_owned");
	s->owned_success = num(o, "owned_success");
	strs_from(o, "try_acquires", s->try_acquires);
	json_object *m;
	if (json_object_object_get_ex(o, "try_success", &m))
		for (size_t i = 0; i < json_object_array_length(m); i++) {
			uint8_t b = json_object_get_int(json_object_array_get_idx(m, i));
			g_byte_array_append(s->try_success, &b, 1);
		}
	g_byte_array_set_size(s->try_success, s->try_acquires->len);	/* one each */
	json_object *via;
	if (json_object_object_get_ex(o, "via", &via) && *json_object_get_string(via))
		s->suspend_via = cck_intern(&tu->strs, json_object_get_string(via));
	strs_from(o, "lends", s->lends);
	strs_from(o, "lend_rings", s->lend_rings);
	g_ptr_array_set_size(s->lend_rings, s->lends->len);	/* one each */
	for (unsigned i = 0; i < s->lend_rings->len; i++)
		if (!s->lend_rings->pdata[i])
			s->lend_rings->pdata[i] = g_strdup("");
	strs_from(o, "reaps", s->reaps);
	strs_from(o, "partial", s->partial);
	strs_from(o, "ends", s->ends);
	if (json_object_object_get_ex(o, "blocks_via", &via) && *json_object_get_string(via))
		s->blocks_via = cck_intern(&tu->strs, json_object_get_string(via));
	if (json_object_object_get_ex(o, "acquired_by", &via) && *json_object_get_string(via))
		s->acquired_by = cck_intern(&tu->strs, json_object_get_string(via));
	return s;
}

/* ---- facts of one TU ---------------------------------------------------- */

json_object *cck_facts_of(struct cck_tu *tu)
{
	json_object *o = json_object_new_object(), *fns = json_object_new_array();
	cck_sym cancel = cck_intern(&tu->strs, "pthread_cancel");
	bool cancels = false, has_main = false;
	for (unsigned i = 0; i < tu->funcs->len; i++) {
		const struct cck_func *f = tu->funcs->pdata[i];
		json_object *fo = json_object_new_object(), *cs = json_object_new_array();
		const char *name = cck_str(&tu->strs, f->name);
		json_object_object_add(fo, "name", json_object_new_string(name));
		json_object_object_add(fo, "static", json_object_new_boolean(f->internal));
		for (unsigned k = 0; k < f->callees->len; k++) {
			cck_sym c = g_array_index(f->callees, cck_sym, k);
			cancels |= c == cancel;
			json_object_array_add(cs, json_object_new_string(cck_str(&tu->strs, c)));
		}
		json_object_object_add(fo, "calls", cs);
		json_object *sh = json_object_new_array();	/* only with cancellation off */
		GHashTableIter si;
		gpointer sk;
		g_hash_table_iter_init(&si, f->calls_shielded);
		while (g_hash_table_iter_next(&si, &sk, NULL))
			if (!g_hash_table_contains(f->calls_open, sk))
				json_object_array_add(sh, json_object_new_string(
					cck_str(&tu->strs, GPOINTER_TO_UINT(sk))));
		json_object_object_add(fo, "shielded", sh);
		const struct cck_summary *s = g_hash_table_lookup(tu->summaries,
								  GUINT_TO_POINTER(f->name));
		if (s && !f->internal && cck_summary_says_something(s))
			json_object_object_add(fo, "summary", cck_summary_to_json(tu, s));
		has_main |= !strcmp(name, "main") && !f->internal;
		json_object_array_add(fns, fo);
	}
	GHashTableIter it;
	gpointer k;
	json_object *tables = json_object_new_array();
	g_hash_table_iter_init(&it, tu->tables);
	gpointer v;
	while (g_hash_table_iter_next(&it, &k, &v)) {
		json_object *t = json_object_new_object(), *fs = json_object_new_array();
		GArray *a = v;
		for (unsigned i = 0; i < a->len; i++)
			json_object_array_add(fs, json_object_new_string(
				cck_str(&tu->strs, g_array_index(a, cck_sym, i))));
		json_object_object_add(t, "name", json_object_new_string(
			cck_str(&tu->strs, GPOINTER_TO_UINT(k))));
		json_object_object_add(t, "static", json_object_new_boolean(
			g_hash_table_contains(tu->static_vars, k)));
		json_object_object_add(t, "functions", fs);
		json_object_array_add(tables, t);
	}
	json_object *creates = json_object_new_array();
	for (unsigned i = 0; i < tu->creates->len; i++) {
		const struct cck_create *c = &g_array_index(tu->creates, struct cck_create, i);
		json_object *e = json_object_new_array();
		json_object_array_add(e, json_object_new_string(cck_str(&tu->strs, c->routine)));
		json_object_array_add(e, json_object_new_string(cck_str(&tu->strs, c->field)));
		json_object_array_add(creates, e);
	}
	json_object *handles = json_object_new_array(), *self = json_object_new_array();
	g_hash_table_iter_init(&it, tu->cancel_fields);
	while (g_hash_table_iter_next(&it, &k, NULL))
		json_object_array_add(handles, json_object_new_string(
			cck_str(&tu->strs, GPOINTER_TO_UINT(k))));
	g_hash_table_iter_init(&it, tu->self_cancel);
	while (g_hash_table_iter_next(&it, &k, NULL))
		json_object_array_add(self, json_object_new_string(
			cck_str(&tu->strs, GPOINTER_TO_UINT(k))));
	json_object_object_add(o, "functions", fns);
	json_object_object_add(o, "tables", tables);
	json_object_object_add(o, "creates", creates);
	json_object_object_add(o, "cancel_handles", handles);
	json_object_object_add(o, "self_cancel", self);
	json_object_object_add(o, "cancels", json_object_new_boolean(cancels));
	json_object_object_add(o, "main", json_object_new_boolean(has_main));
	return o;
}

/* ---- the program -------------------------------------------------------- */

struct unit {
	char *file;
	GHashTable *statics;	/* name set: its static functions */
	GHashTable *defined;	/* name set: every function it defines */
	GPtrArray *externs;	/* char *: what it calls that it does not define */
	json_object *facts;
};

struct cck_program {
	GPtrArray *units;		/* struct unit * */
	GHashTable *handles;		/* names of the handles pthread_cancel gets */
	GHashTable *by_file;		/* file -> struct unit * */
	GHashTable *summaries;		/* exported name -> json_object (borrowed) */
	GHashTable *provider;		/* exported name -> the file whose summary it is */
	GHashTable *edges;		/* qualified name -> GPtrArray of qualified */
	GHashTable *cancellable;	/* qualified name set */
	bool cancels, has_main;
};

static void unit_free(gpointer p)
{
	struct unit *u = p;
	g_free(u->file);
	g_hash_table_unref(u->statics);
	g_hash_table_unref(u->defined);
	g_ptr_array_free(u->externs, TRUE);
	json_object_put(u->facts);
	g_free(u);
}

struct cck_program *cck_program_new(void)
{
	struct cck_program *p = g_new0(struct cck_program, 1);
	p->units = g_ptr_array_new_with_free_func(unit_free);
	p->by_file = g_hash_table_new(g_str_hash, g_str_equal);
	p->summaries = g_hash_table_new(g_str_hash, g_str_equal);
	p->provider = g_hash_table_new(g_str_hash, g_str_equal);
	p->edges = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					 (GDestroyNotify)g_ptr_array_unref);
	p->cancellable = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	p->handles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return p;
}

void cck_program_free(struct cck_program *p)
{
	if (!p)
		return;
	g_hash_table_unref(p->summaries);
	g_hash_table_unref(p->provider);
	g_hash_table_unref(p->edges);
	g_hash_table_unref(p->cancellable);
	g_hash_table_unref(p->handles);
	g_hash_table_unref(p->by_file);
	g_ptr_array_free(p->units, TRUE);
	g_free(p);
}

static const char *str_at(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : NULL;
}

static json_object *arr_at(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_array)
		? v : NULL;
}

/* A function as the program knows it: static ones qualified by file. */
static char *qualify(const struct unit *u, const char *name)
{
	return g_hash_table_contains(u->statics, name) ? g_strdup_printf("%s::%s", u->file, name)
						       : g_strdup(name);
}

void cck_program_add(struct cck_program *p, const char *file, json_object *facts)
{
	struct unit *u = g_new0(struct unit, 1);
	u->file = g_strdup(file);
	u->statics = g_hash_table_new(g_str_hash, g_str_equal);
	u->defined = g_hash_table_new(g_str_hash, g_str_equal);
	u->externs = g_ptr_array_new();
	u->facts = json_object_get(facts);
	g_ptr_array_add(p->units, u);
	g_hash_table_insert(p->by_file, u->file, u);
	json_object *fns = arr_at(facts, "functions");
	for (size_t i = 0; fns && i < json_object_array_length(fns); i++) {
		json_object *f = json_object_array_get_idx(fns, i), *v;
		const char *name = str_at(f, "name");
		if (!name)
			continue;
		g_hash_table_add(u->defined, (gpointer)name);
		if (json_object_object_get_ex(f, "static", &v) && json_object_get_boolean(v))
			g_hash_table_add(u->statics, (gpointer)name);
		else if (json_object_object_get_ex(f, "summary", &v) &&
			 !g_hash_table_contains(p->summaries, name)) {
			g_hash_table_insert(p->summaries, (gpointer)name, v);	/* the first */
			g_hash_table_insert(p->provider, (gpointer)name, u->file);
		}
	}
	json_object *tables = arr_at(facts, "tables"), *v;
	for (size_t i = 0; tables && i < json_object_array_length(tables); i++) {
		json_object *t = json_object_array_get_idx(tables, i);
		const char *name = str_at(t, "name");
		if (name && json_object_object_get_ex(t, "static", &v) && json_object_get_boolean(v))
			g_hash_table_add(u->statics, (gpointer)name);
	}
	for (size_t i = 0; tables && i < json_object_array_length(tables); i++) {
		json_object *t = json_object_array_get_idx(tables, i), *fs = arr_at(t, "functions");
		const char *name = str_at(t, "name");
		if (!name)
			continue;
		char *q = qualify(u, name);
		GPtrArray *to = g_hash_table_lookup(p->edges, q);
		if (!to) {
			to = g_ptr_array_new_with_free_func(g_free);
			g_hash_table_insert(p->edges, g_strdup(q), to);
		}
		for (size_t k = 0; fs && k < json_object_array_length(fs); k++)
			g_ptr_array_add(to, qualify(u, json_object_get_string(
				json_object_array_get_idx(fs, k))));
		g_free(q);
	}
	json_object *handles = arr_at(facts, "cancel_handles");
	for (size_t i = 0; handles && i < json_object_array_length(handles); i++)
		g_hash_table_add(p->handles, g_strdup(json_object_get_string(
			json_object_array_get_idx(handles, i))));
	p->cancels |= json_object_object_get_ex(facts, "cancels", &v) && json_object_get_boolean(v);
	p->has_main |= json_object_object_get_ex(facts, "main", &v) && json_object_get_boolean(v);
	GHashTable *ext = g_hash_table_new(g_str_hash, g_str_equal);
	for (size_t i = 0; fns && i < json_object_array_length(fns); i++) {
		json_object *f = json_object_array_get_idx(fns, i), *calls = arr_at(f, "calls");
		const char *name = str_at(f, "name");
		if (!name)
			continue;
		GPtrArray *to = g_ptr_array_new_with_free_func(g_free);
		GHashTable *shielded = g_hash_table_new(g_str_hash, g_str_equal);
		json_object *sh = arr_at(f, "shielded");
		for (size_t k = 0; sh && k < json_object_array_length(sh); k++)
			g_hash_table_add(shielded, (gpointer)json_object_get_string(
				json_object_array_get_idx(sh, k)));
		for (size_t k = 0; calls && k < json_object_array_length(calls); k++) {
			const char *c = json_object_get_string(json_object_array_get_idx(calls, k));
			if (!c)
				continue;
			/* called only with cancellation disabled: no cancel edge there */
			if (!g_hash_table_contains(shielded, c))
				g_ptr_array_add(to, qualify(u, c));
			if (!g_hash_table_contains(u->defined, c) && g_hash_table_add(ext, (gpointer)c))
				g_ptr_array_add(u->externs, (gpointer)c);
		}
		g_hash_table_unref(shielded);
		char *q = qualify(u, name);
		if (g_hash_table_contains(p->edges, q))
			g_ptr_array_unref(to), g_free(q);	/* a second definition */
		else
			g_hash_table_insert(p->edges, q, to);
	}
	g_hash_table_unref(ext);
}

static void reach(struct cck_program *p, const char *from)
{
	GPtrArray *work = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(work, g_strdup(from));
	while (work->len) {
		char *f = g_ptr_array_steal_index(work, work->len - 1);
		if (g_hash_table_contains(p->cancellable, f)) {
			g_free(f);
			continue;
		}
		g_hash_table_add(p->cancellable, f);
		GPtrArray *to = g_hash_table_lookup(p->edges, f);
		for (unsigned i = 0; to && i < to->len; i++)
			g_ptr_array_add(work, g_strdup(to->pdata[i]));
	}
	g_ptr_array_free(work, TRUE);
}

/* Roots of the cancellable threads: the start routine of each thread whose
 * handle pthread_cancel may be given (by the last name of the place the
 * handle is kept: "workers[i].thread" matches "&w->thread"), and each
 * function that cancels its own thread. In a library (no main), every
 * exported function and table too, since its callers are unknown. */
static bool may_be_cancelled(const struct cck_program *p, const char *handle)
{
	return !strcmp(handle, "*") || g_hash_table_contains(p->handles, "*") ||
	       g_hash_table_contains(p->handles, handle);
}

void cck_program_finish(struct cck_program *p, bool cancels)
{
	p->cancels |= cancels;
	if (cancels)	/* said by the user: every thread may be cancelled */
		g_hash_table_add(p->handles, g_strdup("*"));
	for (unsigned i = 0; i < p->units->len; i++) {
		struct unit *u = p->units->pdata[i];
		json_object *cr = arr_at(u->facts, "creates"), *self = arr_at(u->facts, "self_cancel");
		for (size_t k = 0; cr && k < json_object_array_length(cr); k++) {
			json_object *e = json_object_array_get_idx(cr, k);
			const char *routine = json_object_get_string(json_object_array_get_idx(e, 0));
			const char *handle = json_object_get_string(json_object_array_get_idx(e, 1));
			if (!routine || !handle || !may_be_cancelled(p, handle))
				continue;
			char *q = qualify(u, routine);
			reach(p, q);
			g_free(q);
		}
		for (size_t k = 0; self && k < json_object_array_length(self); k++) {
			char *q = qualify(u, json_object_get_string(json_object_array_get_idx(self, k)));
			reach(p, q);
			g_free(q);
		}
		if (p->has_main)
			continue;
		GHashTableIter it;
		gpointer name;
		g_hash_table_iter_init(&it, u->defined);
		while (g_hash_table_iter_next(&it, &name, NULL))
			if (!g_hash_table_contains(u->statics, name))
				reach(p, name);
		json_object *tables = arr_at(u->facts, "tables");
		for (size_t k = 0; tables && k < json_object_array_length(tables); k++) {
			const char *t = str_at(json_object_array_get_idx(tables, k), "name");
			if (t && !g_hash_table_contains(u->statics, t))
				reach(p, t);
		}
	}
}

json_object *cck_program_summary(const struct cck_program *p, const char *name)
{
	return g_hash_table_lookup(p->summaries, name);
}

bool cck_program_needs(const struct cck_program *p, const char *file, GChecksum *key)
{
	const struct unit *u = g_hash_table_lookup(p->by_file, file);
	bool needs = false;
	for (unsigned i = 0; u && i < u->externs->len; i++) {
		json_object *s = g_hash_table_lookup(p->summaries, u->externs->pdata[i]);
		if (!s)
			continue;
		needs = true;
		if (key) {
			g_checksum_update(key, (const guchar *)u->externs->pdata[i], -1);
			g_checksum_update(key, (const guchar *)json_object_to_json_string(s), -1);
		}
	}
	return needs;
}

void cck_program_providers(const struct cck_program *p, const char *file, GHashTable *out)
{
	const struct unit *u = g_hash_table_lookup(p->by_file, file);
	for (unsigned i = 0; u && i < u->externs->len; i++) {
		const char *from = g_hash_table_lookup(p->provider, u->externs->pdata[i]);
		if (from && strcmp(from, file))
			g_hash_table_add(out, (gpointer)from);
	}
}

bool cck_program_cancellable(const struct cck_program *p, const char *func)
{
	return p->cancels && g_hash_table_contains(p->cancellable, func);
}

bool cck_program_cancels(const struct cck_program *p)
{
	return p->cancels;
}
