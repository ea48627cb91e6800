/* The dataflow core: guards held and owned values live at every point of a
 * function, its cancel edges, and the summary callers see. */
#ifndef CCK_DATAFLOW_H
#define CCK_DATAFLOW_H

#include "tu.h"

/* What a function does, as its callers see it. Patterns use $N for
 * parameter N. */
struct cck_summary {
	uint8_t suspends;		/* enum cck_cancel_model */
	/* It suspends only where parameter N's value is in suspend_when[N]
	 * (CCK_ANY: whatever it is): "close only if mode == CLOSE". */
#define CCK_SUM_PARAMS 8
	uint8_t suspend_when[CCK_SUM_PARAMS];
	GPtrArray *acquires;		/* char *: held at every normal return */
	GPtrArray *try_acquires;	/* char *: held exactly when the result... */
	GByteArray *try_success;	/* ...is in this region mask (one each) */
	GPtrArray *releases;		/* char *: released without acquiring */
	GPtrArray *releases_after;	/* ...only after it may have suspended */
	uint32_t consumes;		/* bit N: takes ownership of parameter N */
	GPtrArray *consumes_keys;	/* char *: consumes what these point at */
	uint32_t lost_on_cancel;	/* bit N: ...and loses it if cancelled */
	bool returns_owned;
	uint8_t owned_success;
	cck_sym suspend_via;		/* the call it suspends in, for messages */
	GPtrArray *lends;		/* char *: still lent to an operation at a
					 * normal return (the caller must reap);
					 * "#..." a descriptor in use... */
	GPtrArray *lend_rings;		/* ...until a reap of this source ("": any) */
	GPtrArray *reaps;		/* char *: sources it reaps ("": any) */
	GPtrArray *partial;		/* char *: streams left half-written when
					 * it is cancelled */
	GPtrArray *ends;		/* char *: objects whose streams it shuts down
					 * or marks (broken) on some path */
	cck_sym blocks_via;		/* a thread-blocking call it makes */
	cck_sym acquired_by;		/* the call that took a lock it holds at a
					 * return: what kind of lock it is */
};

struct cck_summary *cck_summary_new(void);
void cck_summary_free(gpointer s);
bool cck_summary_equal(const struct cck_summary *a, const struct cck_summary *b);

enum cck_leak_kind {
	CCK_LEAK_GUARD,			/* a guard held on a cancel edge */
	CCK_LEAK_VALUE,			/* an owned value live on a cancel edge */
	CCK_LEAK_LOST_ON_CANCEL,	/* given to a call that loses it on cancel */
	CCK_LEAK_HELD_AT_SUSPEND,	/* a guard held where a coroutine suspends
					 * (a 'returns' suspend), cancelled or not */
	CCK_LEAK_LENT_RELEASED,		/* lent storage freed or closed (at) */
	CCK_LEAK_LENT_REUSED,		/* lent storage lent again (at) */
	CCK_LEAK_LENT_SCOPE,		/* lent frame storage dies (at: the return,
					 * or the cancellation point that unwinds) */
	CCK_LEAK_LENT_ESCAPES,		/* returns with lent what it must not lend
					 * beyond the call (CCK_LENDS) */
	CCK_LEAK_SPLIT_WRITE,		/* cancelled between two writes of a message */
	CCK_LEAK_DISCARDED,		/* a result that says what happened, dropped */
	CCK_LEAK_BLOCKING,		/* a thread-blocking call in a coroutine */
	CCK_LEAK_RACE_LOSER,		/* a write that an awaited race may cancel
					 * part way (what: its stream, via: the
					 * other side) */
};

/* One finding of the core, before a check words it. */
struct cck_leak {
	enum cck_leak_kind kind;
	uint8_t model;			/* how the cancel edge leaves */
	const struct cck_func *func;
	struct cck_loc at;		/* the suspend point */
	cck_sym suspend_callee;
	cck_sym what;			/* guard key, or variable of the value */
	cck_sym origin_callee;		/* acquiring / allocating call */
	struct cck_loc origin;
	bool popped_cleanup;		/* a cleanup for it was popped before */
	bool shield_ended;		/* a shield was ended before this point */
	struct cck_loc cancel_at;	/* LENT_*: the cancel edge it happens on */
	cck_sym cancel_callee;
	cck_sym via;			/* BLOCKING: the blocking call it makes;
					 * LENT_*: the storage as it was lent */
	bool unread;			/* DISCARDED: assigned and never read */
	bool body_spawned;		/* BLOCKING: a spawned body (else: suspends) */
	cck_sym body_spawner;		/* ...the call that spawns it */
};

typedef void (*cck_leak_fn)(void *ctx, const struct cck_leak *leak);

/* Runs the analysis of one resolved function. With sum, fills its summary;
 * with fn, reports every leak once. */
void cck_flow_run(struct cck_tu *tu, const struct cck_func *f,
		  struct cck_summary *sum, cck_leak_fn fn, void *ctx);

/* Resolves calls against roles and summaries, bottom-up over the call
 * graph, then runs the analysis of every function, reporting leaks. */
void cck_analyze_tu(struct cck_tu *tu, cck_leak_fn fn, void *ctx);

/* For a function with nothing else to carry: the objects it marks or
 * whose streams it shuts down, into its summary (no dataflow run). */
void cck_summary_marks(struct cck_tu *tu, const struct cck_func *f, struct cck_summary *sum);

/* Once every function of the TU is analyzed: the thread-blocking calls of
 * those that run as coroutines, and the findings a spawned static body
 * left to callers it does not have. */
void cck_report_deferred(struct cck_tu *tu, cck_leak_fn fn, void *ctx);

#endif
