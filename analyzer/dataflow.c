/* The dataflow core: a worklist over the CFG carrying, per path state, the
 * guards held, the owned values live and what is known of the variables
 * that decide them. States are kept apart per block up to a small bound
 * (so correlated branches stay precise) and joined beyond it. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "dataflow.h"

#define MAXF 10		/* facts per state */
#define MAXB 10		/* variable -> value bindings */
#define MAXR 10		/* variable regions */
#define MAXC 6		/* nested cleanups */
#define PARAM 0x80000000u	/* binding of a parameter: id = PARAM | index */
#define MOVED 0x40000000u	/* binding of a realloc result: id = MOVED | value */
#define GIVEN 0x20000000u	/* binding of a status deciding a hand-over:
				 * id = GIVEN | success mask << 23 | value */
#define F_MAYBE 1		/* fact.maybe: held on some joined paths only */
#define F_GIVEN 2		/* ...handed over unless the call failed */
#define STATES_PER_BLOCK 8

/* F_LENT: storage lent to an operation until its completion is reaped
 * (key: the variable or path, id: the owned value if it is one, moved:
 * the completion source, 0 any; omask: CCK_LEND_*). F_PARTIAL: a stream
 * written part of a message to (key), from its first write; omask 1:
 * armed, the message is cut here (a cancel edge between two writes). */
enum { F_GUARD = 1, F_VALUE, F_LENT, F_PARTIAL };
#define P_ARMED 1
enum { S_POPPED = 1, S_UNSHIELDED = 2, S_SUSPENDED = 4, S_DEAD = 8,
       S_POPPED_DISARMED = 16 };

struct fact {
	uint8_t kind;
	uint8_t mask;		/* held iff bound var in mask; 0: held */
	uint8_t maybe;		/* F_MAYBE, F_GIVEN: never reported */
	uint8_t omask;		/* success mask of the OWN, for summaries */
	cck_sym key;		/* guard key / variable holding the value */
	cck_sym bound;
	uint32_t id;		/* value: uid of its OWN */
	uint32_t from;		/* uid of the event that acquired / obtained it:
				 * where, which call and how it was written */
	uint32_t moved;		/* uid of a realloc that may take it over */
};

struct bind {
	cck_sym var;
	uint32_t id;
};

struct region {
	cck_sym var;
	uint32_t mask;
};

struct state {
	uint8_t nf, nb, nr, nc;
	uint8_t shield, cancel_model, flags;
	uint8_t popped;			/* hint: the cleanup popped last, index + 1
					 * (255: too far to say) */
	uint32_t cancel_uid;		/* returns-model cancel path, 0: none */
	uint32_t pcons;			/* parameters consumed on every path here */
	uint32_t cancel_loc;		/* raw location of that call */
	cck_sym cancel_callee;
	struct fact f[MAXF];
	struct bind b[MAXB];
	struct region r[MAXR];
	uint32_t cl[MAXC];
};

struct run {
	struct cck_tu *tu;
	const struct cck_func *f;
	struct cck_summary *sum;
	cck_leak_fn fn;
	void *ctx;
	GArray **in;			/* per block: struct state, by value */
	GArray *live;			/* states flowing through the block in hand */
	GArray *work;			/* guint64: block << 32 | state index */
	unsigned head;			/* next item of work to take */
	uint32_t *npred;		/* predecessors per block */
	const struct cck_event **by_uid;	/* an event of each uid */
	uint32_t nuid;
	/* Liveness of what branches test: at a join, a region no later
	 * branch reads is dropped, so paths differing only there merge. */
	GHashTable *tested;		/* var -> bit + 1 */
	uint64_t *live_in;		/* per block; NULL: keep every region */
	GArray *direct;			/* struct direct: to visit next, unstored */
	GHashTable *seen;		/* reported leaks */
	/* For the summary: parameters consumed on some path, consumed after a
	 * suspend point on some path, and left unconsumed by some cancel path. */
	uint32_t pcons_any, pcons_after, pcons_missed;
	GPtrArray *acq;			/* candidate summary acquires, NULL: all */
	GArray *rets;			/* struct ret_seen: each normal return */
	uint64_t params_live;		/* summaries: tested parameters, kept */
	/* Split writes: streams written (key -> bit + 1), the edges that go
	 * back to a loop's head (a new message), and per suspend point (uid)
	 * the streams some path writes to after it. */
	GHashTable *streams;
	GHashTable *back;		/* block << 32 | succ, as a pointer-sized key */
	uint64_t *writes_after;		/* by uid; NULL: no writes */
};

/* At one normal return: what the result may be, and the guards held
 * there (patterns), each held only when the result is in its mask. */
struct ret_seen {
	unsigned region;
	GPtrArray *held;		/* char * */
	GByteArray *when;		/* region mask, one per held pattern */
};

char *cck_pattern_of(struct cck_tu *tu, const struct cck_func *f, cck_sym key);

/* ---- state helpers ---------------------------------------------------- */

/* The value a binding's id names, without its flags. */
static uint32_t bound_value(uint32_t id)
{
	return id & GIVEN ? id & 0x7fffffu : id & ~MOVED;
}

/* Set when a path state had no room for a fact, binding, region or
 * cleanup: what did not fit is forgotten (never guessed), and --verbose
 * says so. */
static __thread bool overflowed;

static int fact_cmp(const struct fact *a, const struct fact *b)
{
	if (a->kind != b->kind)
		return a->kind - b->kind;
	if (a->kind != F_VALUE)
		return a->key < b->key ? -1 : a->key > b->key;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int find_fact(const struct state *s, const struct fact *k)
{
	for (int i = 0; i < s->nf; i++)
		if (!fact_cmp(&s->f[i], k))
			return i;
	return -1;
}

static void del_fact(struct state *s, int i)
{
	memmove(&s->f[i], &s->f[i + 1], (s->nf - i - 1) * sizeof s->f[0]);
	memset(&s->f[--s->nf], 0, sizeof s->f[0]);
}

static void add_fact(struct state *s, const struct fact *n)
{
	int i = find_fact(s, n);
	if (i >= 0) {
		s->f[i] = *n;
		return;
	}
	if (s->nf == MAXF) {
		overflowed = true;
		return;		/* beyond what we track: forget, never guess */
	}
	int at = s->nf;
	while (at > 0 && fact_cmp(&s->f[at - 1], n) > 0)
		at--;
	memmove(&s->f[at + 1], &s->f[at], (s->nf - at) * sizeof s->f[0]);
	s->f[at] = *n;
	s->nf++;
}

static int find_bind(const struct state *s, cck_sym v)
{
	for (int i = 0; i < s->nb; i++)
		if (s->b[i].var == v)
			return i;
	return -1;
}

static void unbind(struct state *s, cck_sym v)
{
	int i = find_bind(s, v);
	if (i < 0)
		return;
	memmove(&s->b[i], &s->b[i + 1], (s->nb - i - 1) * sizeof s->b[0]);
	memset(&s->b[--s->nb], 0, sizeof s->b[0]);
}

static void bind(struct state *s, cck_sym v, uint32_t id)
{
	unbind(s, v);
	if (s->nb == MAXB) {
		overflowed = true;
		return;
	}
	int at = s->nb;
	while (at > 0 && s->b[at - 1].var > v)
		at--;
	memmove(&s->b[at + 1], &s->b[at], (s->nb - at) * sizeof s->b[0]);
	s->b[at] = (struct bind){ v, id };
	s->nb++;
}

static unsigned region(const struct state *s, cck_sym v)
{
	for (int i = 0; i < s->nr; i++)
		if (s->r[i].var == v)
			return s->r[i].mask;
	return CCK_ANY;
}

static void set_region(struct state *s, cck_sym v, unsigned mask)
{
	for (int i = 0; i < s->nr; i++) {
		if (s->r[i].var != v)
			continue;
		if (mask == CCK_ANY) {
			memmove(&s->r[i], &s->r[i + 1], (s->nr - i - 1) * sizeof s->r[0]);
			memset(&s->r[--s->nr], 0, sizeof s->r[0]);
		} else {
			s->r[i].mask = mask;
		}
		return;
	}
	if (mask == CCK_ANY)
		return;
	if (s->nr == MAXR) {
		overflowed = true;
		return;
	}
	int at = s->nr;
	while (at > 0 && s->r[at - 1].var > v)
		at--;
	memmove(&s->r[at + 1], &s->r[at], (s->nr - at) * sizeof s->r[0]);
	s->r[at] = (struct region){ v, mask };
	s->nr++;
}

/* A variable gets a new value: what depended on the old one is no longer
 * decidable (kept as possible), and its binding and region go. */
static void forget_var(struct state *s, cck_sym v)
{
	for (int i = 0; i < s->nf; i++)
		if (s->f[i].bound == v)
			s->f[i].bound = 0;
	unbind(s, v);
	set_region(s, v, CCK_ANY);
}

/* Applies "v is in mask" to the region of v and the facts it decides;
 * false if the path is infeasible. */
static bool refine(struct state *s, cck_sym v, unsigned mask)
{
	unsigned r = region(s, v) & mask;
	if (!r)
		return false;
	set_region(s, v, r);
	for (int i = s->nf - 1; i >= 0; i--) {
		struct fact *f = &s->f[i];
		if (f->bound != v || !f->mask)
			continue;
		if (!(r & f->mask)) {
			del_fact(s, i);		/* did not get it on this path */
		} else if (!(r & ~f->mask)) {
			f->mask = 0;		/* got it for sure */
			f->bound = 0;
		}
	}
	/* A value tested as NULL/invalid through any alias is not owned. */
	int bi = find_bind(s, v);
	if (bi >= 0 && (s->b[bi].id & GIVEN) && !(s->b[bi].id & PARAM)) {
		/* pthread_create's status: failed, the caller still owns the
		 * value; succeeded, the thread does */
		struct fact k = { .kind = F_VALUE, .id = bound_value(s->b[bi].id) };
		int fi = find_fact(s, &k);
		unsigned m = (s->b[bi].id >> 23) & 63;
		if (fi >= 0 && !(r & m)) {
			s->f[fi].maybe &= ~F_GIVEN;
			unbind(s, v);
		} else if (fi >= 0 && !(r & ~m)) {
			uint32_t id = s->f[fi].id;
			del_fact(s, fi);
			for (int i = s->nb - 1; i >= 0; i--)
				if (bound_value(s->b[i].id) == id && !(s->b[i].id & PARAM))
					unbind(s, s->b[i].var);
		}
		return true;
	}
	if (bi >= 0 && (s->b[bi].id & MOVED) && !(s->b[bi].id & PARAM)) {
		/* realloc's result: failed, the value stays with the old
		 * pointer; succeeded, the new pointer has it */
		uint32_t id = s->b[bi].id & ~MOVED;
		if (!(r & CCK_NONZERO)) {
			unbind(s, v);
		} else if (!(r & CCK_ZERO)) {
			for (int i = s->nb - 1; i >= 0; i--)
				if (s->b[i].id == id)
					unbind(s, s->b[i].var);
			bind(s, v, id);
			struct fact k = { .kind = F_VALUE, .id = id };
			int fi = find_fact(s, &k);
			if (fi >= 0 && s->f[fi].moved) {	/* obtained anew there */
				s->f[fi].from = s->f[fi].moved;
				s->f[fi].key = v;
				s->f[fi].moved = 0;
			}
		}
		return true;
	}
	if (bi >= 0) {
		struct fact k = { .kind = F_VALUE, .id = s->b[bi].id };
		int fi = find_fact(s, &k);
		if (fi >= 0 && s->f[fi].omask && !(r & s->f[fi].omask))
			del_fact(s, fi);
	}
	return true;
}

static bool fact_possible(const struct state *s, const struct fact *f)
{
	if (f->maybe)
		return false;
	if (!f->mask || !f->bound)
		return true;
	return (region(s, f->bound) & f->mask) != 0;
}

/* ---- reporting -------------------------------------------------------- */

/* Whether the cleanup popped last would have released f: only then does
 * the hint "a cleanup handler was popped before this call" fit. */
static bool popped_covers(const struct run *R, const struct state *s, const struct fact *f)
{
	if (!f || !s->popped || s->popped == 255 || s->popped > R->f->cleanups->len)
		return true;
	const struct cck_cleanup *c = &g_array_index(R->f->cleanups, struct cck_cleanup,
						     s->popped - 1);
	if (c->unknown || !c->effects)
		return true;
	for (unsigned i = 0; i < c->effects->len; i++) {
		const struct cck_event *e = &g_array_index(c->effects, struct cck_event, i);
		if (f->kind == F_GUARD && e->kind == CCK_EV_RELEASE &&
		    (e->key == f->key || !e->key))
			return true;
		if (f->kind == F_VALUE && e->kind == CCK_EV_CONSUME) {
			int bi = find_bind(s, e->var);
			if (e->var == f->key || (bi >= 0 && bound_value(s->b[bi].id) == f->id))
				return true;
		}
	}
	return false;
}

static void report(struct run *R, const struct state *s, const struct fact *f,
		   enum cck_leak_kind kind, uint8_t model, struct cck_loc at,
		   cck_sym callee, uint32_t at_uid)
{
	if (!R->fn)
		return;
	char key[96];
	snprintf(key, sizeof key, "%d:%u:%u:%u", kind, at_uid,
		 f ? f->kind : 0, f ? (f->kind == F_GUARD ? f->key : f->id) : 0);
	if (!g_hash_table_add(R->seen, g_strdup(key)))
		return;
	struct cck_leak l = {
		.kind = kind, .model = model, .func = R->f, .at = at,
		.suspend_callee = callee,
		.popped_cleanup = (s->flags & S_POPPED) && popped_covers(R, s, f),
		.shield_ended = s->flags & S_UNSHIELDED,
	};
	if (f) {
		const struct cck_event *from = f->from < R->nuid ? R->by_uid[f->from] : NULL;
		l.what = f->kind == F_GUARD && from && from->key == f->key && from->text ?
			 from->text : f->key;
		if (f->kind == F_VALUE) {	/* name it by a variable still holding it */
			int bi = find_bind(s, f->key);
			if (bi < 0 || s->b[bi].id != f->id)
				for (int i = 0; i < s->nb; i++)
					if (s->b[i].id == f->id && !(s->b[i].var & CCK_TEMP)) {
						l.what = s->b[i].var;
						break;
					}
			/* A result nobody kept (open() as a statement) is lost on
			 * every path alike: not a matter of cancellation. */
			if (l.what & CCK_TEMP)
				return;
		}
		if (from) {
			l.origin.raw = from->loc.raw;
			l.origin_callee = from->callee;
		}
	}
	R->fn(R->ctx, &l);
}

static void report_all(struct run *R, const struct state *s, uint8_t model,
		       struct cck_loc at, cck_sym callee, uint32_t at_uid,
		       cck_sym returned)
{
	int ri = returned ? find_bind(s, returned) : -1;
	for (int i = 0; i < s->nf; i++) {
		const struct fact *f = &s->f[i];
		if (!fact_possible(s, f) || f->kind > F_VALUE)
			continue;
		if (ri >= 0 && f->kind == F_VALUE && f->id == s->b[ri].id)
			continue;	/* handed to the caller */
		report(R, s, f, f->kind == F_GUARD ? CCK_LEAK_GUARD : CCK_LEAK_VALUE,
		       model, at, callee, at_uid);
	}
}

/* ---- events ----------------------------------------------------------- */

static void add_pattern(GPtrArray *to, char *p)
{
	for (unsigned j = 0; j < to->len; j++)
		if (!strcmp(to->pdata[j], p)) {
			g_free(p);
			return;
		}
	g_ptr_array_add(to, p);
}

static void release(struct run *R, struct state *s, cck_sym key)
{
	struct fact k = { .kind = F_GUARD, .key = key };
	int i = find_fact(s, &k);
	if (i >= 0) {
		del_fact(s, i);
		return;
	}
	if (R->sum) {	/* releases what its caller holds */
		char *p = cck_pattern_of(R->tu, R->f, key);
		if (!p)
			return;
		add_pattern(s->flags & S_SUSPENDED ? R->sum->releases_after : R->sum->releases, p);
	}
}

/* Whether guard key g is k or lies inside what k names: "&o->lock"
 * covers "&o->lock.mutex", "o" covers "&o->mu". */
static bool key_covers(const char *k, const char *g)
{
	k += *k == '&';
	g += *g == '&';
	size_t n = strlen(k);
	if (strncmp(k, g, n))
		return false;
	return !g[n] || g[n] == '.' || g[n] == '[' || (g[n] == '-' && g[n + 1] == '>');
}

/* What a handler we cannot see releases when it runs: the guards its
 * argument covers; all of them when the argument is no path. */
static void release_covered(struct run *R, struct state *s, cck_sym key)
{
	const char *k = key ? cck_str(&R->tu->strs, key) : NULL;
	for (int i = s->nf - 1; i >= 0; i--)
		if (s->f[i].kind == F_GUARD &&
		    (!k || key_covers(k, cck_str(&R->tu->strs, s->f[i].key))))
			del_fact(s, i);
}

/* Consumes a path over a parameter ("*p", "p->buf"): callers substitute. */
static void consumes_key(struct run *R, cck_sym key)
{
	char *p = cck_pattern_of(R->tu, R->f, key);
	if (!p || !strchr(p, '$') || strcmp(p, "$0") == 0 || (p[0] == '$' && !strpbrk(p + 1, "-.[*&"))) {
		g_free(p);	/* plain parameters are tracked as values */
		return;
	}
	for (unsigned j = 0; j < R->sum->consumes_keys->len; j++)
		if (!strcmp(R->sum->consumes_keys->pdata[j], p)) {
			g_free(p);
			return;
		}
	g_ptr_array_add(R->sum->consumes_keys, p);
}

static int value_of(const struct state *s, cck_sym v)
{
	int bi = find_bind(s, v);
	if (bi < 0 || (s->b[bi].id & PARAM))
		return -1;
	if (s->b[bi].id & GIVEN)
		return -1;	/* a status, not a holder of the value */
	uint32_t id = bound_value(s->b[bi].id);
	for (int i = 0; i < s->nf; i++)
		if (s->f[i].kind == F_VALUE && s->f[i].id == id)
			return i;
	return -1;
}

/* The parameter v is bound to, or -1. */
static int param_of(const struct state *s, cck_sym v)
{
	int bi = find_bind(s, v);
	return bi >= 0 && (s->b[bi].id & PARAM) ? (int)(s->b[bi].id & ~PARAM) : -1;
}

/* Whether consuming parameter pi this way is a real hand-over: given to
 * a call that takes it, or a pointer stored where it is owned. Passing it
 * to a function we cannot see, or storing a number, may only borrow or
 * copy it: that silences the caller, and never makes a finding. */
static bool takes_param(const struct run *R, int pi, unsigned how)
{
	return how == CCK_BY_CALL ||
	       (how == CCK_BY_STORE && (R->f->param_ptr >> pi & 1));
}

static void consume(struct run *R, struct state *s, cck_sym v, unsigned how, bool lost)
{
	int pi = param_of(s, v);
	if (pi >= 0) {	/* stays bound: a parameter may be consumed on several paths */
		/* lost if taken only after a cancellation point and some
		 * cancel path leaves without consuming it (decided at the end),
		 * or if the consumer itself loses it */
		if (R->sum && pi < 32) {
			if (lost)
				R->sum->lost_on_cancel |= 1u << pi;
			if ((s->flags & S_SUSPENDED) && takes_param(R, pi, how))
				R->pcons_after |= 1u << pi;
			R->pcons_any |= 1u << pi;
			s->pcons |= 1u << pi;
		}
		return;
	}
	int fi = value_of(s, v);
	if (fi < 0) {
		if (R->sum && !lost)
			consumes_key(R, v);
		return;
	}
	uint32_t id = s->f[fi].id;
	del_fact(s, fi);
	for (int i = s->nb - 1; i >= 0; i--)
		if (bound_value(s->b[i].id) == id && !(s->b[i].id & PARAM))
			unbind(s, s->b[i].var);
}

/* "&local" given away: values held in local.member or local[i] go too. */
static void consume_members(struct run *R, struct state *s, cck_sym v)
{
	const char *name = cck_str(&R->tu->strs, v);
	size_t n = strlen(name);
	for (int i = s->nb - 1; i >= 0; i--) {
		if (i >= s->nb || (s->b[i].var & CCK_TEMP))
			continue;
		const char *b = cck_str(&R->tu->strs, s->b[i].var);
		if (!strncmp(b, name, n) && (b[n] == '.' || b[n] == '['))
			consume(R, s, s->b[i].var, CCK_BY_ESCAPE_ADDR, false);
	}
	consume(R, s, v, CCK_BY_ESCAPE_ADDR, false);
}

/* ---- lent storage and split messages --------------------------------- */

static void report_at_or_keep(struct run *R, const struct state *s, const struct fact *f,
			      enum cck_leak_kind kind, struct cck_loc at, cck_sym callee,
			      uint32_t at_uid, cck_sym as, bool keep);

static void report_at(struct run *R, const struct state *s, const struct fact *f,
		      enum cck_leak_kind kind, struct cck_loc at, cck_sym callee,
		      uint32_t at_uid, cck_sym as)
{
	report_at_or_keep(R, s, f, kind, at, callee, at_uid, as, false);
}

/* keep: not reported now, but kept on the function for the end of the
 * TU (a static function's finding, reported there if nothing calls it:
 * a coroutine body). */
static void report_at_or_keep(struct run *R, const struct state *s, const struct fact *f,
			      enum cck_leak_kind kind, struct cck_loc at, cck_sym callee,
			      uint32_t at_uid, cck_sym as, bool keep)
{
	if (!R->fn)
		return;
	char key[64];
	snprintf(key, sizeof key, "%d:%u:%u:%u", kind, at_uid, f->from, f->key);
	if (!g_hash_table_add(R->seen, g_strdup(key)))
		return;
	const struct cck_event *from = f->from < R->nuid ? R->by_uid[f->from] : NULL;
	struct cck_leak l = {
		.kind = kind, .model = s->cancel_model, .func = R->f, .at = at,
		.suspend_callee = callee, .via = f->key,
		.what = as ? as : f->kind == F_PARTIAL && f->id ? f->id : f->key,
	};
	if (from) {
		l.origin.raw = from->loc.raw;
		l.origin_callee = from->callee;
	}
	if (s->cancel_uid) {
		l.cancel_at.raw = s->cancel_loc;
		l.cancel_callee = s->cancel_callee;
	}
	struct cck_func *kf = (struct cck_func *)R->f;
	if (keep && !kf->kept)
		kf->kept = g_array_new(FALSE, FALSE, sizeof(struct cck_leak));
	if (keep)
		g_array_append_val(kf->kept, l);
	else
		R->fn(R->ctx, &l);
}

/* The lent fact for storage var (or the value id it holds), or -1. */
static int find_lent(const struct state *s, cck_sym var, uint32_t id)
{
	for (int i = 0; i < s->nf; i++)
		if (s->f[i].kind == F_LENT && (s->f[i].key == var || (id && s->f[i].id == id)))
			return i;
	return -1;
}

/* ...or for the aggregate var is a member of ("u.ud" of a lent "u"). */
static int find_lent_within(struct run *R, const struct state *s, cck_sym var)
{
	const char *v = cck_str(&R->tu->strs, var);
	for (int i = 0; i < s->nf; i++)
		if (s->f[i].kind == F_LENT && s->f[i].key != var &&
		    key_covers(cck_str(&R->tu->strs, s->f[i].key), v))
			return i;
	return -1;
}

static bool lent_live(const struct state *s, const struct fact *f)
{
	return f->kind == F_LENT && fact_possible(s, f);
}

static void lend(struct run *R, struct state *s, const struct cck_event *e)
{
	int vi = value_of(s, e->var);
	uint32_t id = vi >= 0 ? s->f[vi].id : 0;
	int li = find_lent(s, e->var, id);
	/* Lent again to the same completion source (an aiocb resubmitted
	 * while in flight). liburing's buffers may go to two operations on
	 * purpose (a linked read and write): not reported. */
	if (li >= 0 && lent_live(s, &s->f[li]) && !((e->aux | s->f[li].omask) & CCK_LEND_FD) &&
	    e->var2 && s->f[li].moved == e->var2)
		report_at(R, s, &s->f[li], CCK_LEAK_LENT_REUSED, e->loc, e->callee, e->uid, 0);
	if (li >= 0 && lent_live(s, &s->f[li]) && !s->f[li].bound)
		return;		/* lent already, and still: the first lend stands */
	if (li >= 0)
		del_fact(s, li);
	struct fact n = {
		.kind = F_LENT, .key = e->var, .id = id, .from = e->uid, .moved = e->var2,
		.omask = e->aux, .bound = e->res, .mask = e->res ? e->mask : 0,
	};
	if (n.bound && !(region(s, n.bound) & n.mask))
		return;		/* known to have failed: nothing lent */
	add_fact(s, &n);
	if (!(e->aux & CCK_LEND_STACK))
		return;
	/* &aiocb: the buffer its members hold is the operation's too */
	const char *name = cck_str(&R->tu->strs, e->var);
	size_t len = strlen(name);
	for (int i = 0; i < s->nb; i++) {
		if ((s->b[i].var & CCK_TEMP) || (s->b[i].id & (PARAM | GIVEN)))
			continue;
		const char *b = cck_str(&R->tu->strs, s->b[i].var);
		if (strncmp(b, name, len) || (b[len] != '.' && b[len] != '['))
			continue;
		struct fact m = n;
		m.key = s->b[i].var;
		m.id = bound_value(s->b[i].id);
		m.omask = 0;
		add_fact(s, &m);
	}
}

/* Freed or closed: a finding if an operation still has it. */
static void released(struct run *R, struct state *s, const struct cck_event *e)
{
	int vi = value_of(s, e->var);
	int li = find_lent(s, e->var, vi >= 0 ? s->f[vi].id : 0);
	bool part = false;
	if (li < 0 && !(e->var & CCK_TEMP)) {
		li = find_lent_within(R, s, e->var);
		part = li >= 0;
	}
	if (li < 0)
		return;
	if (lent_live(s, &s->f[li]) && !s->f[li].maybe)	/* named as released */
		report_at(R, s, &s->f[li], CCK_LEAK_LENT_RELEASED, e->loc, e->callee, e->uid,
			  e->var & CCK_TEMP ? 0 : e->var);
	if (!part)	/* a member released: the rest is still lent */
		del_fact(s, li);
}

/* A variable taking a new value: a lend by its name no longer names it. */
static void unlend_var(struct state *s, cck_sym v)
{
	for (int i = s->nf - 1; i >= 0; i--)
		if (s->f[i].kind == F_LENT && s->f[i].key == v && !s->f[i].id &&
		    !(s->f[i].omask & CCK_LEND_STACK))
			del_fact(s, i);
}

static void do_reap(struct run *R, struct state *s, const struct cck_event *e)
{
	unsigned r = CCK_ANY;
	if (e->res) {
		if (s->cancel_uid != e->uid)	/* the call's result, new */
			forget_var(s, e->res);
		r = region(s, e->res);
	}
	bool cond = e->res && e->mask;
	if (cond && !(r & e->mask))
		return;		/* failed, or timed out: nothing reaped */
	if (cond && !(r & ~e->mask))
		cond = false;
	for (int i = s->nf - 1; i >= 0; i--) {
		struct fact *f = &s->f[i];
		if (f->kind != F_LENT || (e->var2 && f->moved && f->moved != e->var2))
			continue;
		if (cond && !f->bound) {	/* still lent iff the wait failed */
			f->bound = e->res;
			f->mask = CCK_ANY & ~e->mask;
		} else {
			del_fact(s, i);
		}
	}
	if (R->sum && !(e->res && e->mask)) {	/* reaps whatever its result */
		char *p = e->var2 ? cck_pattern_of(R->tu, R->f, e->var2) : g_strdup("");
		if (p)
			add_pattern(R->sum->reaps, p);
	}
}

/* The frame's storage is still lent where the function leaves (a return,
 * or a cancellation point that unwinds); storage of the caller's is its
 * summary's business, or a finding when the function must not lend
 * beyond the call. */
static void lent_at_exit(struct run *R, const struct state *s, struct cck_loc at,
			 cck_sym callee, uint32_t at_uid, bool returns)
{
	for (int i = 0; i < s->nf; i++) {
		const struct fact *f = &s->f[i];
		if (!lent_live(s, f) || f->maybe)
			continue;
		if (f->omask & CCK_LEND_STACK) {
			report_at(R, s, f, CCK_LEAK_LENT_SCOPE, at, callee, at_uid, 0);
			continue;
		}
		if (!returns || f->id)
			continue;	/* an owned value goes where the value goes */
		const struct cck_role *role = cck_tu_role(R->tu, R->f->name);
		if (role && role->lends >= 0 && (unsigned)role->lends < R->f->params->len &&
		    !(f->omask & CCK_LEND_FD)) {	/* the buffer says it; the fd need not */
			cck_sym p = g_array_index(R->f->params, cck_sym, role->lends);
			if (key_covers(cck_str(&R->tu->strs, p), cck_str(&R->tu->strs, f->key))) {
				report_at(R, s, f, CCK_LEAK_LENT_ESCAPES, at, 0, at_uid, 0);
				continue;
			}
		}
		if (!R->sum || s->cancel_uid)
			continue;
		char *p = cck_pattern_of(R->tu, R->f, f->key);
		if (!p || !strchr(p, '$')) {
			g_free(p);
			continue;
		}
		char *ring = f->moved ? cck_pattern_of(R->tu, R->f, f->moved) : NULL;
		char *lp = f->omask & CCK_LEND_FD ? g_strconcat("#", p, NULL) : g_strdup(p);
		g_free(p);
		bool dup = false;
		for (unsigned j = 0; j < R->sum->lends->len && !dup; j++)
			dup = !strcmp(R->sum->lends->pdata[j], lp);
		if (dup) {
			g_free(lp);
			g_free(ring);
			continue;
		}
		g_ptr_array_add(R->sum->lends, lp);
		g_ptr_array_add(R->sum->lend_rings, ring ? ring : g_strdup(""));
	}
}

static uint64_t stream_bit(const struct run *R, cck_sym key)
{
	unsigned bit = GPOINTER_TO_UINT(g_hash_table_lookup(R->streams, GUINT_TO_POINTER(key)));
	return bit ? 1ull << (bit - 1) : 0;
}

/* A cancel edge at suspend point e: a message it cuts (a write before it,
 * another after it on some path) is armed; the others were complete. */
static void arm_partial(struct run *R, struct state *s, const struct cck_event *e)
{
	uint64_t later = R->writes_after && e->uid < R->nuid ? R->writes_after[e->uid] : 0;
	for (int i = s->nf - 1; i >= 0; i--) {
		struct fact *f = &s->f[i];
		if (f->kind != F_PARTIAL || (f->omask & P_ARMED))
			continue;
		if (later & stream_bit(R, f->key))
			f->omask |= P_ARMED;
		else
			del_fact(s, i);
	}
}

/* Where a cancel edge leaves the function: a message cut on a stream the
 * caller gave is the caller's to close when every caller is in this TU
 * (a static function: its summary says so); any other is a finding at
 * the cancellation point. */
static void partial_at_exit(struct run *R, const struct state *s, struct cck_loc at,
			    cck_sym callee, uint32_t at_uid)
{
	for (int i = 0; i < s->nf; i++) {
		const struct fact *f = &s->f[i];
		if (f->kind != F_PARTIAL || !(f->omask & P_ARMED) || !fact_possible(s, f))
			continue;
		char *p = R->sum && R->f->internal && s->cancel_model == CCK_CANCEL_RETURNS ?
			  cck_pattern_of(R->tu, R->f, f->key) : NULL;
		if (p && strchr(p, '$')) {
			add_pattern(R->sum->partial, p);
			report_at_or_keep(R, s, f, CCK_LEAK_SPLIT_WRITE, at, callee, at_uid, 0, true);
			continue;
		}
		g_free(p);
		report_at(R, s, f, CCK_LEAK_SPLIT_WRITE, at, callee, at_uid, 0);
	}
}

/* Closed (or its connection released): no one writes to it again. */
static void stream_closed(struct run *R, struct state *s, cck_sym var)
{
	const char *v = cck_str(&R->tu->strs, var);
	for (int i = s->nf - 1; i >= 0; i--)
		if (s->f[i].kind == F_PARTIAL &&
		    (s->f[i].key == var || key_covers(v, cck_str(&R->tu->strs, s->f[i].key))))
			del_fact(s, i);
}

/* A stream shut down (aux 1), or a store into an object ("c->broken = 1"):
 * the messages cut on streams within it are no one's to continue. Its
 * callers see it in the summary. */
static cck_sym marked_object(struct cck_tu *tu, const struct cck_event *e)
{
	if (e->aux)
		return e->var;
	const char *p = cck_str(&tu->strs, e->var);
	const char *arrow = g_strrstr(p, "->"), *dot = strrchr(p, '.');
	const char *cut = arrow && (!dot || arrow > dot) ? arrow : dot;
	if (!cut || cut == p)
		return 0;
	char *base = g_strndup(p, cut - p);
	cck_sym obj = cck_intern(&tu->strs, base);
	g_free(base);
	return obj;
}

static void summarize_mark(struct cck_tu *tu, const struct cck_func *f,
			   struct cck_summary *sum, cck_sym obj)
{
	char *pat = sum && obj ? cck_pattern_of(tu, f, obj) : NULL;
	if (pat && strchr(pat, '$'))
		add_pattern(sum->ends, pat);
	else
		g_free(pat);
}

static void mark(struct run *R, struct state *s, const struct cck_event *e)
{
	cck_sym obj = marked_object(R->tu, e);
	if (!obj)
		return;
	stream_closed(R, s, obj);
	summarize_mark(R->tu, R->f, R->sum, obj);
}

void cck_summary_marks(struct cck_tu *tu, const struct cck_func *f, struct cck_summary *sum)
{
	for (unsigned i = 0; i < f->blocks->len; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; b->ev && j < b->ev->len; j++) {
			const struct cck_event *e = &g_array_index(b->ev, struct cck_event, j);
			if (e->kind == CCK_EV_MARK)
				summarize_mark(tu, f, sum, marked_object(tu, e));
		}
	}
}

/* Replays the cleanups that run on a cancel edge, innermost first; false
 * when one of them does something we cannot see. */
/* A pushed cleanup that no longer runs (CLEANUP_DISARM) keeps its place
 * in the stack, with this bit set. */
#define CL_DISARMED 0x80000000u

/* Applies the effects of one cleanup. */
static void run_cleanup(struct run *R, struct state *s, const struct cck_cleanup *c)
{
	for (unsigned j = 0; j < c->effects->len; j++) {
		const struct cck_event *e = &g_array_index(c->effects, struct cck_event, j);
		if (e->kind == CCK_EV_RELEASE) {
			release(R, s, e->key);
		} else if (e->kind == CCK_EV_CONSUME) {
			released(R, s, e);
			stream_closed(R, s, e->var);
			consume(R, s, e->var, CCK_BY_CALL, false);
		} else if (e->kind == CCK_EV_REAP) {
			do_reap(R, s, e);
		} else if (e->kind == CCK_EV_MARK) {
			mark(R, s, e);
		}
	}
}

static bool run_cleanups(struct run *R, struct state *s)
{
	for (int i = s->nc - 1; i >= 0; i--) {
		if (s->cl[i] & CL_DISARMED)
			continue;
		const struct cck_cleanup *c = &g_array_index(R->f->cleanups,
			struct cck_cleanup, s->cl[i]);
		if (!c->on_cancel)
			continue;
		if (c->unknown)
			return false;
		run_cleanup(R, s, c);
	}
	return true;
}

/* Whether the handlers registered on this path take care of e's value if
 * the call unwinds (one we cannot see is assumed to). */
static bool saved_by_cleanup(struct run *R, const struct state *s,
			     const struct cck_event *e)
{
	if (!cck_cancel_unwinds(e->model) || !s->nc)
		return false;
	struct state t = *s;
	return !run_cleanups(R, &t) || value_of(&t, e->var) < 0;
}

static void suspend(struct run *R, struct state *s, const struct cck_event *e,
		    GArray *forks)
{
	/* A coroutine suspends here even when it cannot be cancelled: the
	 * guards it holds stay held while other coroutines of its thread run
	 * (the check decides which guards block the thread). */
	bool reached = !(e->var && !(region(s, e->var) & e->mask));
	bool coro = e->model == CCK_CANCEL_RETURNS || e->model == CCK_CANCEL_DESTROYS;
	if (reached && coro)
		((struct cck_func *)R->f)->suspends_coro = true;
	if (reached && coro && !s->cancel_uid)
		for (int i = 0; i < s->nf; i++)
			if (s->f[i].kind == F_GUARD && fact_possible(s, &s->f[i]))
				report(R, s, &s->f[i], CCK_LEAK_HELD_AT_SUSPEND, e->model, e->loc,
				       e->callee, e->uid);
	if (s->shield || !reached) {
		if (e->res)	/* shielded, or this path does not reach its suspend */
			forget_var(s, e->res);
		return;
	}
	if (R->sum && !R->sum->suspends && e->model != CCK_CANCEL_DESTROYS) {
		R->sum->suspends = e->model;
		R->sum->suspend_via = e->callee;
	}
	if (R->sum && e->model != CCK_CANCEL_DESTROYS)	/* what the parameters may be where it suspends */
		for (unsigned i = 0; i < R->f->params->len && i < CCK_SUM_PARAMS; i++) {
			cck_sym p = g_array_index(R->f->params, cck_sym, i);
			unsigned r = region(s, p);
			if (e->var == p)
				r &= e->mask;
			R->sum->suspend_when[i] |= r;
		}
	s->flags |= S_SUSPENDED;
	if (cck_cancel_unwinds(e->model) && !s->cancel_uid) {
		struct state t = *s;
		t.flags = s->flags;
		t.cancel_model = e->model;
		if (run_cleanups(R, &t)) {
			report_all(R, &t, e->model, e->loc, e->callee, e->uid, 0);
			R->pcons_missed |= ~t.pcons;
			lent_at_exit(R, &t, e->loc, e->callee, e->uid, false);
			arm_partial(R, &t, e);
			partial_at_exit(R, &t, e->loc, e->callee, e->uid);
		}
	}
	if (e->res)
		forget_var(s, e->res);
	if (e->model != CCK_CANCEL_RETURNS)
		return;
	if (s->cancel_uid) {	/* cancelled already: returns at once */
		if (e->res)
			set_region(s, e->res, CCK_CANCELLED);
		return;
	}
	struct state copy = *s;	/* s may live in forks, which may move */
	g_array_append_val(forks, copy);
	s = NULL;
	struct state *c = &g_array_index(forks, struct state, forks->len - 1);
	c->cancel_uid = e->uid;
	c->cancel_loc = e->loc.raw;
	c->cancel_callee = e->callee;
	c->cancel_model = CCK_CANCEL_RETURNS;
	if (e->res)
		set_region(c, e->res, CCK_CANCELLED);
	arm_partial(R, c, e);
}

/* A thread-blocking call: in the summary, and kept for the report once
 * the TU tells which functions run as coroutines. */
static void blocking(struct run *R, const struct cck_event *e)
{
	const struct cck_role *own = cck_tu_role(R->tu, R->f->name);
	if (own && own->nonblocking)
		return;	/* its descriptors are non-blocking: it says so */
	if (R->sum && !R->sum->blocks_via)
		R->sum->blocks_via = e->var2 ? e->var2 : e->callee;
	char key[32];
	snprintf(key, sizeof key, "block:%u", e->uid);
	if (!R->fn || !g_hash_table_add(R->seen, g_strdup(key)))
		return;
	struct cck_blocking b = { e->callee, e->var2 ? e->var2 : e->callee, e->loc };
	g_array_append_val(((struct cck_func *)R->f)->blocking, b);
}

static void discard(struct run *R, const struct state *s, const struct cck_event *e)
{
	char key[32];
	snprintf(key, sizeof key, "discard:%u", e->uid);
	if (!R->fn || !g_hash_table_add(R->seen, g_strdup(key)))
		return;
	struct cck_leak l = {
		.kind = CCK_LEAK_DISCARDED, .func = R->f, .at = e->loc,
		.suspend_callee = e->callee, .what = e->callee, .unread = e->aux,
		.model = e->model ? CCK_CANCEL_RETURNS : CCK_CANCEL_NONE,
	};
	(void)s;
	R->fn(R->ctx, &l);
}

/* A write that is one side of an awaited race: reported on every path
 * that reaches it (the race decides, not a cancellation). */
static void race(struct run *R, const struct cck_event *e)
{
	char key[32];
	snprintf(key, sizeof key, "race:%u", e->uid);
	if (!R->fn || !g_hash_table_add(R->seen, g_strdup(key)))
		return;
	struct cck_leak l = {
		.kind = CCK_LEAK_RACE_LOSER, .func = R->f, .at = e->loc,
		.suspend_callee = e->callee, .what = e->var, .via = e->var2,
		.model = CCK_CANCEL_DESTROYS,
	};
	R->fn(R->ctx, &l);
}

static void step(struct run *R, struct state *s, const struct cck_event *e,
		 GArray *forks)
{
	struct fact n = { 0 };
	if (R->fn && e->callee && !(s->flags & S_DEAD)) {	/* for the thread analysis */
		struct cck_func *f = (struct cck_func *)R->f;
		g_hash_table_add(s->shield ? f->calls_shielded : f->calls_open,
				 GUINT_TO_POINTER(e->callee));
	}
	if ((e->kind == CCK_EV_ACQUIRE || e->kind == CCK_EV_OWN) && e->aux && s->cancel_uid) {
		/* Cancelled in this very call: it returned its cancellation
		 * status and took nothing; a pointer result is NULL. */
		if (e->kind == CCK_EV_OWN && e->res && !(e->mask & CCK_ZERO))
			set_region(s, e->res, CCK_ZERO);
		return;
	}
	if (s->flags & S_DEAD)
		return;
	switch (e->kind) {
	case CCK_EV_DIVERGE:
		s->flags |= S_DEAD;
		break;
	case CCK_EV_ACQUIRE:
		n.kind = F_GUARD;
		n.key = e->key;
		n.from = e->uid;
		if (e->res) {
			forget_var(s, e->res);
			n.bound = e->res;
			n.mask = e->mask;
		}
		add_fact(s, &n);
		break;
	case CCK_EV_RELEASE:
		if ((e->model & CCK_RELEASE_BY_CLEANUP) && (s->flags & S_POPPED_DISARMED))
			break;	/* the guard no longer holds it */
		if (e->aux == CCK_RELEASE_COVERED)
			release_covered(R, s, e->key);
		else
			release(R, s, e->key);
		break;
	case CCK_EV_OWN:
		forget_var(s, e->res);
		unlend_var(s, e->res);
		n.kind = F_VALUE;
		n.id = e->uid;
		n.key = e->res;
		n.bound = e->res;
		n.mask = e->mask;
		n.omask = e->mask;
		n.from = e->uid;
		add_fact(s, &n);
		bind(s, e->res, e->uid);
		break;
	case CCK_EV_CONSUME:
		if (e->aux == CCK_BY_CALL) {
			released(R, s, e);
			stream_closed(R, s, e->var);
		}
		if (e->aux == CCK_BY_ESCAPE_ADDR)
			consume_members(R, s, e->var);
		else
			consume(R, s, e->var, e->aux, false);
		break;
	case CCK_EV_LOSE_ON_CANCEL:
		/* Only a value this function owns can be lost: a constant, a
		 * number, a stack array or a borrowed pointer cannot. */
		int fi = s->shield ? -1 : value_of(s, e->var);
		if (fi >= 0 && fact_possible(s, &s->f[fi]) && !saved_by_cleanup(R, s, e)) {
			struct fact k = s->f[fi];
			k.key = e->var;
			report(R, s, &k, CCK_LEAK_LOST_ON_CANCEL, e->model, e->loc,
			       e->callee, e->uid);
		}
		consume(R, s, e->var, CCK_BY_CALL, true);
		break;
	case CCK_EV_LEND:
		lend(R, s, e);
		break;
	case CCK_EV_REAP:
		do_reap(R, s, e);
		break;
	case CCK_EV_WRITE:
		if (e->aux ? s->cancel_uid == e->uid : !s->cancel_uid) {
			/* the first write of the message stays its origin */
			struct fact k = { .kind = F_PARTIAL, .key = e->key };
			int fi = find_fact(s, &k);
			if (fi < 0) {
				k.from = e->uid;
				k.omask = e->aux ? P_ARMED : 0;
				k.id = e->text;	/* the stream as written */
				add_fact(s, &k);
			} else if (e->aux) {
				s->f[fi].omask |= P_ARMED;
			}
		}
		break;
	case CCK_EV_BLOCK:
		blocking(R, e);
		break;
	case CCK_EV_DISCARD:
		discard(R, s, e);
		break;
	case CCK_EV_RACE:
		race(R, e);
		break;
	case CCK_EV_MARK:
		mark(R, s, e);
		break;
	case CCK_EV_SUSPEND:
		suspend(R, s, e, forks);
		break;
	case CCK_EV_CLEANUP_PUSH:
		if (s->nc < MAXC)
			s->cl[s->nc++] = e->var;
		else
			overflowed = true;
		break;
	case CCK_EV_CLEANUP_POP:
		if (s->nc) {
			uint32_t top = s->cl[s->nc - 1] & ~CL_DISARMED;
			s->popped = top < 254 ? top + 1 : 255;
			s->flags |= S_POPPED;
			if (s->cl[s->nc - 1] & CL_DISARMED)
				s->flags |= S_POPPED_DISARMED;
			else
				s->flags &= ~S_POPPED_DISARMED;
			s->cl[--s->nc] = 0;
		}
		break;
	case CCK_EV_CLEANUP_DISARM:
		for (int i = s->nc - 1; i >= 0; i--)
			if (e->var2 && (s->cl[i] & ~CL_DISARMED) == e->var) {
				s->cl[i] = e->var2 - 1;
				break;
			} else if (s->cl[i] == e->var) {
				s->cl[i] |= CL_DISARMED;
				break;
			}
		break;
	case CCK_EV_SHIELD_ON:
	case CCK_EV_SHIELD_OFF: {
		bool on = e->kind == CCK_EV_SHIELD_ON;
		if (e->var && !on)	/* restoring a saved DISABLE keeps the shield */
			on = !(region(s, e->var) & ~CCK_POS);
		if (e->var2) {		/* the old state, for a later restore */
			forget_var(s, e->var2);
			set_region(s, e->var2, s->shield ? CCK_POS : CCK_ZERO);
		}
		if (s->shield && !on)
			s->flags |= S_UNSHIELDED;
		s->shield = on;
		break;
	}
	case CCK_EV_COPY: {
		int bi = find_bind(s, e->var2);
		unsigned r = region(s, e->var2);
		forget_var(s, e->var);
		unlend_var(s, e->var);
		if (bi >= 0)
			bind(s, e->var, s->b[bi].id);
		set_region(s, e->var, r);
		if (e->var2 & CCK_TEMP) {	/* a temporary hands over and dies */
			for (int i = 0; i < s->nf; i++) {
				if (s->f[i].bound == e->var2)
					s->f[i].bound = e->var;
				if (s->f[i].kind == F_VALUE && s->f[i].key == e->var2)
					s->f[i].key = e->var;
			}
			unbind(s, e->var2);
			set_region(s, e->var2, CCK_ANY);
		}
		break;
	}
	case CCK_EV_SET:
		forget_var(s, e->var);
		unlend_var(s, e->var);
		set_region(s, e->var, e->mask);
		break;
	case CCK_EV_GIVE: {
		int fi = value_of(s, e->var);
		if (fi < 0 || !e->res)
			break;
		unsigned known = region(s, e->res);	/* e.g. cancelled in this call */
		if (!(known & e->mask))
			break;			/* failed: still the caller's */
		if (!(known & ~e->mask)) {
			consume(R, s, e->var, CCK_BY_CALL, false);
			break;
		}
		uint32_t id = s->f[fi].id;
		if (id >= 1u << 23) {	/* no room for the mask: just hand it over */
			consume(R, s, e->var, CCK_BY_CALL, false);
			break;
		}
		s->f[fi].maybe |= F_GIVEN;
		forget_var(s, e->res);
		bind(s, e->res, GIVEN | (uint32_t)(e->mask & 63) << 23 | id);
		break;
	}
	case CCK_EV_MOVE: {
		int fi = value_of(s, e->var);
		if (fi < 0) {	/* nothing owned to move: a fresh value */
			struct cck_event own = *e;
			own.kind = CCK_EV_OWN;
			step(R, s, &own, forks);
			break;
		}
		uint32_t id = s->f[fi].id;
		s->f[fi].moved = e->uid;
		forget_var(s, e->res);
		bind(s, e->res, id | MOVED);
		break;
	}
	case CCK_EV_KILL:
		forget_var(s, e->var);
		unlend_var(s, e->var);
		break;
	default:
		break;
	}
}

/* ---- summaries -------------------------------------------------------- */

/* A key over the function's parameters and globals as a $N pattern; NULL
 * when it names a local (meaningless to callers). */
char *cck_pattern_of(struct cck_tu *tu, const struct cck_func *f, cck_sym key)
{
	const char *k = cck_str(&tu->strs, key);
	GString *out = g_string_new(NULL);
	for (const char *p = k; *p;) {
		if (!(g_ascii_isalpha(*p) || *p == '_')) {
			g_string_append_c(out, *p++);
			continue;
		}
		const char *b = p;
		while (g_ascii_isalnum(*p) || *p == '_')
			p++;
		bool member = (b > k && b[-1] == '.') ||
			      (b - k >= 2 && b[-1] == '>' && b[-2] == '-');
		char *id = g_strndup(b, p - b);
		int param = -1;
		for (unsigned i = 0; !member && i < f->params->len; i++)
			if (!strcmp(cck_str(&tu->strs, g_array_index(f->params, cck_sym, i)), id))
				param = i;
		bool local = false;
		if (!member && param < 0) {	/* a name never interned is no local */
			gpointer sym = g_hash_table_lookup(tu->strs.ids, id);
			local = sym && g_hash_table_contains(f->locals, sym);
		}
		g_free(id);
		if (local) {
			g_string_free(out, TRUE);
			return NULL;
		}
		if (param >= 0 && !strcmp(cck_str(&tu->strs,
				g_array_index(f->params, cck_sym, param)), "this"))
			g_string_append_printf(out, "(&$%d)", param);	/* the object's address */
		else if (param >= 0)
			g_string_append_printf(out, "$%d", param);
		else
			g_string_append_len(out, b, p - b);
	}
	return g_string_free(out, FALSE);
}

static void summarize_return(struct run *R, const struct state *s, cck_sym ret)
{
	GPtrArray *held = g_ptr_array_new_with_free_func(g_free);
	for (int i = 0; i < s->nf; i++) {
		const struct fact *f = &s->f[i];
		if (f->kind == F_GUARD && !f->maybe && !f->mask) {
			char *p = cck_pattern_of(R->tu, R->f, f->key);
			if (p)
				g_ptr_array_add(held, p);
			const struct cck_event *from = f->from < R->nuid ? R->by_uid[f->from] : NULL;
			if (p && R->sum && !R->sum->acquired_by && from)
				R->sum->acquired_by = from->callee;
		}
	}
	if (!R->acq) {
		R->acq = held;
	} else {	/* must hold on every return: intersect */
		for (int i = R->acq->len - 1; i >= 0; i--) {
			bool in = false;
			for (unsigned j = 0; j < held->len && !in; j++)
				in = !strcmp(R->acq->pdata[i], held->pdata[j]);
			if (!in)
				g_ptr_array_remove_index(R->acq, i);
		}
		g_ptr_array_free(held, TRUE);
	}
	struct ret_seen rs = {
		.region = ret ? region(s, ret) : CCK_ANY,
		.held = g_ptr_array_new_with_free_func(g_free),
		.when = g_byte_array_new(),
	};
	for (int i = 0; ret && i < s->nf; i++) {
		const struct fact *f = &s->f[i];
		char *p;
		if (f->kind != F_GUARD || f->maybe || (f->mask && f->bound != ret) ||
		    !(p = cck_pattern_of(R->tu, R->f, f->key)))
			continue;
		uint8_t m = rs.region & (f->mask ? f->mask : CCK_ANY);
		g_ptr_array_add(rs.held, p);
		g_byte_array_append(rs.when, &m, 1);
	}
	g_array_append_val(R->rets, rs);
	int fi = ret ? value_of(s, ret) : -1;
	if (fi >= 0 && !s->f[fi].maybe) {
		R->sum->returns_owned = true;
		R->sum->owned_success = s->f[fi].omask ? s->f[fi].omask : CCK_NONZERO;
	}
}

/* A guard held on some returns is a try-acquire when the result tells
 * them apart: held for some values, never for the others (a wrapper that
 * returns its trylock's status). */
static void summarize_try(struct run *R)
{
	GHashTable *done = g_hash_table_new(g_str_hash, g_str_equal);
	for (unsigned i = 0; i < R->rets->len; i++) {
		struct ret_seen *a = &g_array_index(R->rets, struct ret_seen, i);
		for (unsigned j = 0; j < a->held->len; j++) {
			const char *p = a->held->pdata[j];
			if (!g_hash_table_add(done, (gpointer)p))
				continue;
			bool always = false;
			for (unsigned k = 0; R->acq && k < R->acq->len; k++)
				always |= !strcmp(R->acq->pdata[k], p);
			unsigned yes = 0, no = 0;
			for (unsigned r = 0; r < R->rets->len && !always; r++) {
				struct ret_seen *b = &g_array_index(R->rets, struct ret_seen, r);
				unsigned held = 0;
				for (unsigned k = 0; k < b->held->len; k++)
					if (!strcmp(b->held->pdata[k], p))
						held = b->when->data[k];
				yes |= held;
				no |= b->region & ~held;
			}
			if (always || !yes || (yes & no))
				continue;
			uint8_t m = yes;
			g_ptr_array_add(R->sum->try_acquires, g_strdup(p));
			g_byte_array_append(R->sum->try_success, &m, 1);
		}
	}
	g_hash_table_unref(done);
}

/* ---- the worklist ----------------------------------------------------- */

static void join(struct state *a, const struct state *b)
{
	struct state r = *a;
	for (int i = 0; i < b->nf; i++) {
		int j = find_fact(&r, &b->f[i]);
		if (j < 0) {
			struct fact n = b->f[i];
			n.maybe = 1;
			add_fact(&r, &n);
		} else if (r.f[j].mask != b->f[i].mask || r.f[j].bound != b->f[i].bound) {
			r.f[j].maybe |= 1;
		}
	}
	for (int i = 0; i < r.nf; i++)
		if (find_fact(b, &r.f[i]) < 0)
			r.f[i].maybe = 1;
	for (int i = r.nb - 1; i >= 0; i--) {
		int j = find_bind(b, r.b[i].var);
		if (j < 0 || b->b[j].id != r.b[i].id)
			unbind(&r, r.b[i].var);
	}
	for (int i = r.nr - 1; i >= 0; i--)
		set_region(&r, r.r[i].var, r.r[i].mask | region(b, r.r[i].var));
	if (r.shield != b->shield)
		r.shield = 0;
	r.flags |= b->flags;
	r.pcons &= b->pcons;
	int nc = r.nc < b->nc ? r.nc : b->nc;
	for (int i = 0; i < nc; i++) {
		/* disarmed on one path: it may not run */
		if ((r.cl[i] & ~CL_DISARMED) == (b->cl[i] & ~CL_DISARMED)) {
			r.cl[i] |= b->cl[i] & CL_DISARMED;
			continue;
		}
		nc = i;
		break;
	}
	for (int i = nc; i < MAXC; i++)
		r.cl[i] = 0;
	r.nc = nc;
	*a = r;
}

/* Unused slots are kept zero, so equal states are equal prefixes. The
 * flags (suspended, popped, unshielded) only word hints and order a
 * summary's releases, and pcons only feeds the summary: states differing
 * in them alone are one state with the flags of both and the parameters
 * consumed on both, not two paths. */
static bool state_eq_but_flags(const struct state *a, const struct state *b)
{
	if (a->nf != b->nf || a->nb != b->nb || a->nr != b->nr || a->nc != b->nc ||
	    a->shield != b->shield || a->cancel_model != b->cancel_model ||
	    a->cancel_uid != b->cancel_uid || a->cancel_loc != b->cancel_loc ||
	    a->cancel_callee != b->cancel_callee)
		return false;
	return !memcmp(a->f, b->f, a->nf * sizeof a->f[0]) &&
	       !memcmp(a->b, b->b, a->nb * sizeof a->b[0]) &&
	       !memcmp(a->r, b->r, a->nr * sizeof a->r[0]) &&
	       !memcmp(a->cl, b->cl, a->nc * sizeof a->cl[0]);
}

static bool state_eq(const struct state *a, const struct state *b)
{
	return a->flags == b->flags && a->pcons == b->pcons && state_eq_but_flags(a, b);
}

static guint64 work_item(uint32_t block, uint32_t index)
{
	return ((guint64)block << 32) | index;
}

/* A block with one predecessor sees each state once per visit of that
 * predecessor, which already weeds out repeats: visit it without storing
 * the state. */
struct direct {
	uint32_t block;
	struct state s;
};

static void enqueue(struct run *R, uint32_t block, const struct state *s)
{
	if (R->npred[block] <= 1) {
		g_array_set_size(R->direct, R->direct->len + 1);
		struct direct *d = &g_array_index(R->direct, struct direct, R->direct->len - 1);
		d->block = block;
		d->s = *s;
		return;
	}
	struct state pruned;
	if (R->live_in) {
		pruned = *s;
		for (int i = pruned.nr - 1; i >= 0; i--) {
			unsigned bit = GPOINTER_TO_UINT(g_hash_table_lookup(R->tested,
				GUINT_TO_POINTER(pruned.r[i].var)));
			if (!bit || !((R->live_in[block] | R->params_live) & (1ull << (bit - 1))))
				set_region(&pruned, pruned.r[i].var, CCK_ANY);
		}
		s = &pruned;
	}
	if (!R->in[block])	/* most blocks see one or two states */
		R->in[block] = g_array_sized_new(FALSE, FALSE, sizeof(struct state), 2);
	GArray *in = R->in[block];
	unsigned same = 0;
	int last = -1;
	for (unsigned i = 0; i < in->len; i++) {
		struct state *t = &g_array_index(in, struct state, i);
		if (state_eq_but_flags(t, s)) {
			if ((t->flags | s->flags) == t->flags && (t->pcons & s->pcons) == t->pcons)
				return;
			t->flags |= s->flags;	/* grows only: terminates */
			t->pcons &= s->pcons;	/* shrinks only */
			guint64 w = work_item(block, i);
			g_array_append_val(R->work, w);
			return;
		}
		if (t->cancel_uid == s->cancel_uid) {
			same++;
			last = i;
		}
	}
	if (same < STATES_PER_BLOCK) {
		g_array_append_val(in, *s);
		guint64 w = work_item(block, in->len - 1);
		g_array_append_val(R->work, w);
		return;
	}
	struct state *t = &g_array_index(in, struct state, last);
	struct state old = *t;
	join(t, s);
	if (!state_eq(&old, t)) {
		guint64 w = work_item(block, last);
		g_array_append_val(R->work, w);
	}
}

/* The values each region bit stands for, as intervals. */
struct span {
	unsigned bit;
	int64_t lo, hi;
};

static const struct span spans[] = {
	{ CCK_NEG_OTHER, INT64_MIN, -ECANCELED - 1 },
	{ CCK_ECANCELED, -ECANCELED, -ECANCELED },
	{ CCK_NEG_OTHER, -ECANCELED + 1, -ETIMEDOUT - 1 },
	{ CCK_ETIMEDOUT, -ETIMEDOUT, -ETIMEDOUT },
	{ CCK_NEG_OTHER, -ETIMEDOUT + 1, -1 },
	{ CCK_ZERO, 0, 0 },
	{ CCK_POS_OTHER, 1, EINPROGRESS - 1 },
	{ CCK_EINPROGRESS, EINPROGRESS, EINPROGRESS },
	{ CCK_POS_OTHER, EINPROGRESS + 1, INT64_MAX },
};

/* Whether some x in [lo, hi] satisfies x <op> k. */
static bool some(uint8_t op, int64_t lo, int64_t hi, int64_t k)
{
	switch (op) {
	case CCK_CMP_EQ: return lo <= k && k <= hi;
	case CCK_CMP_NE: return !(lo == k && hi == k);
	case CCK_CMP_LT: return lo < k;
	case CCK_CMP_LE: return lo <= k;
	case CCK_CMP_GT: return hi > k;
	default: return hi >= k;
	}
}

static uint8_t negate(uint8_t op)
{
	static const uint8_t neg[] = {
		[CCK_CMP_NE] = CCK_CMP_EQ, [CCK_CMP_EQ] = CCK_CMP_NE,
		[CCK_CMP_LT] = CCK_CMP_GE, [CCK_CMP_LE] = CCK_CMP_GT,
		[CCK_CMP_GT] = CCK_CMP_LE, [CCK_CMP_GE] = CCK_CMP_LT,
	};
	return neg[op];
}

/* The regions where x <op> k may hold (yes) and may fail (no). */
static void cmp_masks(uint8_t op, int64_t k, unsigned *yes, unsigned *no)
{
	*yes = *no = 0;
	for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++) {
		if (some(op, spans[i].lo, spans[i].hi, k))
			*yes |= spans[i].bit;
		if (some(negate(op), spans[i].lo, spans[i].hi, k))
			*no |= spans[i].bit;
	}
}

/* Along an edge back to a loop's head a new message starts: the parts
 * written in this pass were a whole one. */
static void go(struct run *R, uint32_t from, uint32_t to, const struct state *s)
{
	if (R->back && !s->cancel_uid &&
	    g_hash_table_contains(R->back, GSIZE_TO_POINTER((gsize)from << 32 | to))) {
		struct state t = *s;
		for (int i = t.nf - 1; i >= 0; i--)
			if (t.f[i].kind == F_PARTIAL)
				del_fact(&t, i);
		enqueue(R, to, &t);
		return;
	}
	enqueue(R, to, s);
}

static void terminate(struct run *R, const struct cck_block *b, struct state *s)
{
	const uint32_t *succ = b->succ;
	switch (b->term) {
	case CCK_T_GOTO:
		go(R, b->id, succ[0], s);
		break;
	case CCK_T_SWITCH: {
		/* Cases whose value is one region exactly (0, -ECANCELED,
		 * -ETIMEDOUT) narrow the variable, and leave default without it. */
		unsigned exact = 0;
		const struct cck_case *cs = b->cases ? (struct cck_case *)b->cases->data : NULL;
		for (unsigned i = 0; cs && b->cmp_var && i < b->nsucc; i++) {
			unsigned yes, no;
			cmp_masks(CCK_CMP_EQ, cs[i].k, &yes, &no);
			if (cs[i].known && !(no & yes))
				exact |= yes;
		}
		for (unsigned i = 0; i < b->nsucc; i++) {
			struct state t = *s;
			unsigned m = CCK_ANY, no;
			if (cs && b->cmp_var && cs[i].is_default)
				m = CCK_ANY & ~exact;
			else if (cs && b->cmp_var && cs[i].known)
				cmp_masks(CCK_CMP_EQ, cs[i].k, &m, &no);
			if (!b->cmp_var || refine(&t, b->cmp_var, m))
				go(R, b->id, succ[i], &t);
		}
		break;
	}
	case CCK_T_BRANCH: {
		if (!b->cmp_var) {
			go(R, b->id, succ[0], s);
			go(R, b->id, succ[1], s);
			break;
		}
		unsigned yes, no;
		cmp_masks(b->cmp_op, b->cmp_k, &yes, &no);
		if (b->cmp_local) {	/* "p != local": only p == local tells */
			if (b->cmp_op == CCK_CMP_EQ)
				no = CCK_ANY;
			else
				yes = CCK_ANY;
		}
		struct state t = *s;
		if (refine(&t, b->cmp_var, yes))
			go(R, b->id, succ[0], &t);
		if (refine(s, b->cmp_var, no))	/* s is not needed after this */
			go(R, b->id, succ[1], s);
		break;
	}
	case CCK_T_RETURN:
		lent_at_exit(R, s, b->term_loc, s->cancel_callee, 0x80000000u | b->id, true);
		if (s->cancel_uid) {
			partial_at_exit(R, s, (struct cck_loc){ .raw = s->cancel_loc },
					s->cancel_callee, s->cancel_uid);
			report_all(R, s, s->cancel_model,
				   (struct cck_loc){ .raw = s->cancel_loc }, s->cancel_callee,
				   s->cancel_uid, b->ret);
			R->pcons_missed |= ~s->pcons;
		} else if (R->sum)
			summarize_return(R, s, b->ret);
		break;
	default:
		break;
	}
}

static uint64_t var_bit(const struct run *R, cck_sym v)
{
	unsigned bit = v ? GPOINTER_TO_UINT(g_hash_table_lookup(R->tested, GUINT_TO_POINTER(v))) : 0;
	return bit ? 1ull << (bit - 1) : 0;
}

/* Backward liveness of the variables branches test. */
static void liveness(struct run *R)
{
	const struct cck_func *f = R->f;
	unsigned nb = f->blocks->len, n = 0;
	R->tested = g_hash_table_new(NULL, NULL);
	for (unsigned i = 0; i < nb; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		if ((b->term == CCK_T_BRANCH || b->term == CCK_T_SWITCH) && b->cmp_var &&
		    !g_hash_table_contains(R->tested, GUINT_TO_POINTER(b->cmp_var)))
			g_hash_table_insert(R->tested, GUINT_TO_POINTER(b->cmp_var),
					    GUINT_TO_POINTER(++n));
		/* a summary reads what the result may be where it is returned */
		if (R->sum && b->term == CCK_T_RETURN && b->ret &&
		    !g_hash_table_contains(R->tested, GUINT_TO_POINTER(b->ret)))
			g_hash_table_insert(R->tested, GUINT_TO_POINTER(b->ret),
					    GUINT_TO_POINTER(++n));
		for (unsigned j = 0; b->ev && j < b->ev->len; j++) {
			const struct cck_event *e = &g_array_index(b->ev, struct cck_event, j);
			cck_sym u = e->kind == CCK_EV_COPY ? e->var2 :
				    e->kind == CCK_EV_SHIELD_OFF ? e->var :
				    e->kind == CCK_EV_SUSPEND ? e->var : 0;
			if (u && !g_hash_table_contains(R->tested, GUINT_TO_POINTER(u)))
				g_hash_table_insert(R->tested, GUINT_TO_POINTER(u),
						    GUINT_TO_POINTER(++n));
		}
	}
	if (n > 64)
		return;		/* too many to track: keep every region */
	bool suspends = false;	/* only where it suspends do parameters matter */
	for (unsigned i = 0; R->sum && i < nb && !suspends; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; b->ev && j < b->ev->len && !suspends; j++)
			suspends = g_array_index(b->ev, struct cck_event, j).kind == CCK_EV_SUSPEND;
	}
	for (unsigned i = 0; suspends && i < f->params->len && i < CCK_SUM_PARAMS; i++)
		R->params_live |= var_bit(R, g_array_index(f->params, cck_sym, i));
	R->live_in = g_new0(uint64_t, nb);
	for (bool changed = true; changed;) {
		changed = false;
		for (unsigned i = nb; i-- > 0;) {
			const struct cck_block *b = g_ptr_array_index(f->blocks, i);
			uint64_t live = 0;
			for (unsigned k = 0; k < b->nsucc; k++)
				live |= R->live_in[b->succ[k]];
			if (b->term == CCK_T_BRANCH || b->term == CCK_T_SWITCH)
				live |= var_bit(R, b->cmp_var);
			if (R->sum && b->term == CCK_T_RETURN)
				live |= var_bit(R, b->ret);
			for (unsigned j = b->ev ? b->ev->len : 0; j-- > 0;) {
				const struct cck_event *e = &g_array_index(b->ev, struct cck_event, j);
				switch (e->kind) {
				case CCK_EV_COPY:
					live &= ~var_bit(R, e->var);
					live |= var_bit(R, e->var2);
					break;
				case CCK_EV_SET:
				case CCK_EV_KILL:
					live &= ~var_bit(R, e->var);
					break;
				case CCK_EV_SHIELD_OFF:
				case CCK_EV_SUSPEND:	/* a suspend that depends on var */
					live |= var_bit(R, e->var);
					break;
				default:
					break;
				}
			}
			if (live != R->live_in[i]) {
				R->live_in[i] = live;
				changed = true;
			}
		}
	}
}

/* For split writes: the streams written, the edges back to a loop's head
 * (depth-first), and per suspend point the streams a later write on some
 * path (not around a loop) goes to. Nothing when nothing is written. */
static void writes_setup(struct run *R)
{
	const struct cck_func *f = R->f;
	unsigned nb = f->blocks->len, n = 0;
	for (unsigned i = 0; i < nb; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; b->ev && j < b->ev->len; j++) {
			const struct cck_event *e = &g_array_index(b->ev, struct cck_event, j);
			if (e->kind != CCK_EV_WRITE || n >= 64)
				continue;
			if (!R->streams)
				R->streams = g_hash_table_new(NULL, NULL);
			if (!g_hash_table_contains(R->streams, GUINT_TO_POINTER(e->key)))
				g_hash_table_insert(R->streams, GUINT_TO_POINTER(e->key),
						    GUINT_TO_POINTER(++n));
		}
	}
	if (!n)
		return;
	R->back = g_hash_table_new(NULL, NULL);
	uint8_t *color = g_new0(uint8_t, nb);	/* 1: on the path, 2: done */
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(guint64));
	guint64 top = 0;
	g_array_append_val(stack, top);
	color[0] = 1;
	while (stack->len) {
		guint64 *t = &g_array_index(stack, guint64, stack->len - 1);
		uint32_t blk = *t >> 32, k = (uint32_t)*t;
		const struct cck_block *b = g_ptr_array_index(f->blocks, blk);
		if (k == b->nsucc) {
			color[blk] = 2;
			g_array_set_size(stack, stack->len - 1);
			continue;
		}
		(*t)++;
		uint32_t to = b->succ[k];
		if (color[to] == 1) {
			g_hash_table_add(R->back, GSIZE_TO_POINTER((gsize)blk << 32 | to));
		} else if (!color[to]) {
			color[to] = 1;
			guint64 w = (guint64)to << 32;
			g_array_append_val(stack, w);
		}
	}
	g_array_free(stack, TRUE);
	g_free(color);
	uint64_t *in = g_new0(uint64_t, nb);
	R->writes_after = g_new0(uint64_t, R->nuid);
	for (bool changed = true; changed;) {
		changed = false;
		for (unsigned i = nb; i-- > 0;) {
			const struct cck_block *b = g_ptr_array_index(f->blocks, i);
			uint64_t acc = 0;
			for (unsigned k = 0; k < b->nsucc; k++)
				if (!g_hash_table_contains(R->back,
					GSIZE_TO_POINTER((gsize)i << 32 | b->succ[k])))
					acc |= in[b->succ[k]];
			for (unsigned j = b->ev ? b->ev->len : 0; j-- > 0;) {
				const struct cck_event *e = &g_array_index(b->ev, struct cck_event, j);
				if (e->kind == CCK_EV_WRITE && !e->aux)
					acc |= stream_bit(R, e->key);
				else if (e->kind == CCK_EV_SUSPEND && e->uid < R->nuid)
					R->writes_after[e->uid] |= acc;
			}
			if (acc != in[i]) {
				in[i] = acc;
				changed = true;
			}
		}
	}
	g_free(in);
}

/* Runs the state in R->live (one, set by the caller) through block. */
static void visit(struct run *R, uint32_t block)
{
	const struct cck_block *b = g_ptr_array_index(R->f->blocks, block);
	GArray *live = R->live;
	for (unsigned hops = 0;; hops++) {
		for (unsigned j = 0; b->ev && j < b->ev->len; j++) {
			const struct cck_event *e = &g_array_index(b->ev, struct cck_event, j);
			unsigned n = live->len;
			for (unsigned i = 0; i < n; i++)
				step(R, &g_array_index(live, struct state, i), e, live);
		}
		/* One state going on to a block only it reaches: keep it in
		 * hand (chains of jumps are common after lowering). */
		if (live->len != 1 || b->term != CCK_T_GOTO || R->npred[b->succ[0]] != 1 ||
		    hops > R->f->blocks->len)
			break;
		b = g_ptr_array_index(R->f->blocks, b->succ[0]);
	}
	for (unsigned i = 0; i < live->len; i++)
		if (!(g_array_index(live, struct state, i).flags & S_DEAD))
			terminate(R, b, &g_array_index(live, struct state, i));
}

void cck_flow_run(struct cck_tu *tu, const struct cck_func *f,
		  struct cck_summary *sum, cck_leak_fn fn, void *ctx)
{
	struct run R = { .tu = tu, .f = f, .sum = sum, .fn = fn, .ctx = ctx };
	overflowed = false;
	unsigned nb = f->blocks->len;
	R.in = g_new0(GArray *, nb);
	R.live = g_array_sized_new(FALSE, FALSE, sizeof(struct state), 4);
	R.work = g_array_sized_new(FALSE, FALSE, sizeof(guint64), nb);
	R.direct = g_array_sized_new(FALSE, FALSE, sizeof(struct direct), 8);
	R.nuid = f->next_uid + 1;
	R.by_uid = g_new0(const struct cck_event *, R.nuid);
	for (unsigned i = 0; i < nb; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; b->ev && j < b->ev->len; j++) {
			const struct cck_event *e = &g_array_index(b->ev, struct cck_event, j);
			if (e->uid < R.nuid && (!R.by_uid[e->uid] || e->kind == CCK_EV_ACQUIRE))
				R.by_uid[e->uid] = e;	/* the acquire carries the text */
		}
	}
	liveness(&R);
	writes_setup(&R);
	R.npred = g_new0(uint32_t, nb);
	R.npred[0] = 1;	/* the entry: its state comes from outside */
	for (unsigned i = 0; i < nb; i++) {
		const struct cck_block *b = g_ptr_array_index(f->blocks, i);
		for (unsigned j = 0; j < b->nsucc; j++)
			R.npred[b->succ[j]]++;
	}
	R.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	R.rets = g_array_new(FALSE, FALSE, sizeof(struct ret_seen));

	struct state s0;
	memset(&s0, 0, sizeof s0);
	for (unsigned i = 0; i < f->params->len && i < MAXB; i++)
		bind(&s0, g_array_index(f->params, cck_sym, i), PARAM | i);
	enqueue(&R, 0, &s0);
	/* Each (block, state) is revisited only when its state grew; the cap
	 * is a safety net for pathological CFGs. */
	size_t budget = (size_t)nb * STATES_PER_BLOCK * 64 + 1024;
	while ((R.direct->len || R.head < R.work->len) && budget--) {
		uint32_t block;
		g_array_set_size(R.live, 1);
		struct state *cur = &g_array_index(R.live, struct state, 0);
		if (R.direct->len) {
			struct direct *d = &g_array_index(R.direct, struct direct,
							  R.direct->len - 1);
			block = d->block;
			*cur = d->s;
			g_array_set_size(R.direct, R.direct->len - 1);
		} else {
			guint64 w = g_array_index(R.work, guint64, R.head++);
			block = w >> 32;
			*cur = g_array_index(R.in[block], struct state, (uint32_t)w);
		}
		visit(&R, block);
	}
	if (tu->verbose && tu->notes && fn && (overflowed || budget == (size_t)-1))
		g_string_append_printf(tu->notes,
			"%s:%u:%u: note: in '%s': %s; the analysis of this function is partial\n",
			cck_str(&tu->strs, f->loc.file), f->loc.line, f->loc.col,
			cck_str(&tu->strs, f->name),
			overflowed ? "more guards, values or cleanups on one path than are tracked"
				   : "too many paths to follow");
	if (sum) {
		uint32_t lost = R.pcons_after & R.pcons_missed;
		sum->lost_on_cancel |= lost;
		sum->consumes |= R.pcons_any & ~sum->lost_on_cancel;
	}
	/* released after a suspend on some path: held at its cancel edge */
	for (unsigned i = 0; sum && i < sum->releases_after->len; i++)
		for (unsigned j = sum->releases->len; j-- > 0;)
			if (!strcmp(sum->releases->pdata[j], sum->releases_after->pdata[i]))
				g_ptr_array_remove_index(sum->releases, j);
	if (sum && R.acq) {
		for (unsigned i = 0; i < R.acq->len; i++)
			g_ptr_array_add(sum->acquires, g_strdup(R.acq->pdata[i]));
	}
	if (sum)
		summarize_try(&R);
	for (unsigned i = 0; sum && i < CCK_SUM_PARAMS; i++)	/* no such parameter: no condition */
		if (!sum->suspends || i >= f->params->len)
			sum->suspend_when[i] = CCK_ANY;
	for (unsigned i = 0; i < R.rets->len; i++) {
		struct ret_seen *rs = &g_array_index(R.rets, struct ret_seen, i);
		g_ptr_array_free(rs->held, TRUE);
		g_byte_array_free(rs->when, TRUE);
	}
	g_array_free(R.rets, TRUE);
	if (R.acq)
		g_ptr_array_free(R.acq, TRUE);
	g_array_free(R.work, TRUE);
	g_array_free(R.direct, TRUE);
	g_free(R.npred);
	g_free(R.by_uid);
	g_free(R.live_in);
	g_hash_table_unref(R.tested);
	g_hash_table_unref(R.seen);
	if (R.streams)
		g_hash_table_unref(R.streams);
	if (R.back)
		g_hash_table_unref(R.back);
	g_free(R.writes_after);
	for (unsigned i = 0; i < nb; i++)
		if (R.in[i])
			g_array_free(R.in[i], TRUE);
	g_free(R.in);
	g_array_free(R.live, TRUE);
}
