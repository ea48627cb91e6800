/* The analysis IR: per function, a CFG of blocks holding events. The front
 * end writes raw call events; summary.c resolves each call into the events
 * of its role (acquire, release, own, consume, lend, suspend, ...). */
#ifndef CCK_IR_H
#define CCK_IR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <glib.h>
#include "model.h"

typedef uint32_t cck_sym;	/* interned string, 0 = none */
#define CCK_TEMP 0x80000000u	/* cck_sym of a temporary: a number, no string */

/* Per-TU string table: keys, variable names, callees, files. */
struct cck_strtab {
	GHashTable *ids;	/* char * -> id */
	GPtrArray *strs;	/* id -> char * */
};
void cck_strtab_init(struct cck_strtab *t);
void cck_strtab_fini(struct cck_strtab *t);
cck_sym cck_intern(struct cck_strtab *t, const char *s);
const char *cck_str(const struct cck_strtab *t, cck_sym s);

/* A source location. The front end records only libclang's raw encoding
 * (cheap); file, line and column are worked out for the few locations
 * that are printed (cck_loc_resolve). */
struct cck_loc {
	cck_sym file;
	unsigned line, col;
	uint32_t raw;
};

enum cck_ev_kind {
	CCK_EV_CALL,		/* raw: callee(args) -> res; resolved later */
	CCK_EV_ACQUIRE,		/* key; if res: held only when res in mask */
	CCK_EV_RELEASE,		/* key */
	CCK_EV_OWN,		/* res receives a fresh owned value (mask: success) */
	CCK_EV_CONSUME,		/* var's value is consumed (aux: enum cck_consume) */
	CCK_EV_LOSE_ON_CANCEL,	/* var is consumed, and lost if this call is cancelled */
	CCK_EV_LEND,		/* var (key: as written) lent to an operation until a
				 * reap of source var2 (0: any); aux: CCK_LEND_* */
	CCK_EV_SUSPEND,		/* model: enum cck_cancel_model; res: result */
	CCK_EV_CLEANUP_PUSH,	/* aux: index into func->cleanups */
	CCK_EV_CLEANUP_POP,
	CCK_EV_SHIELD_ON,	/* var2: receives the state before (1: shielded) */
	CCK_EV_SHIELD_OFF,	/* var: restores the state saved in it */
	CCK_EV_COPY,		/* var = var2 (plain copy of a variable) */
	CCK_EV_KILL,		/* var overwritten with something untracked */
	CCK_EV_SET,		/* var = a constant, in region mask */
	CCK_EV_MOVE,		/* res takes var's value over if res in mask
				 * (realloc); a fresh value if var has none */
	CCK_EV_GIVE,		/* var handed over if res ends in mask
				 * (pthread_create's arg when it returns 0) */
	CCK_EV_DIVERGE,		/* a recursive call not summarized yet: the
				 * path is left out of this round's summary */
	CCK_EV_REAP,		/* completions of source var2 (0: any) reaped;
				 * if res: only when res ends in mask */
	CCK_EV_WRITE,		/* part of a message written to stream key;
				 * aux 1: only if this call was cancelled */
	CCK_EV_BLOCK,		/* the call blocks the thread (var2: through what) */
	CCK_EV_DISCARD,		/* the call's result, which says what happened,
				 * is discarded (aux 1: assigned, never read) */
	CCK_EV_MARK,		/* var (a path into an object) is stored to: the
				 * object's state changed (a connection marked
				 * broken); aux 1: var is a stream shut down */
	CCK_EV_CLEANUP_DISARM,	/* the pushed cleanup var (an index) no longer
				 * runs: a lock guard released or moved from;
				 * var2 != 0: cleanup var2 - 1 runs in its
				 * place (a guard move-assigned) */
	CCK_EV_RACE,		/* C++: a write (callee) to stream var is one side
				 * of an awaited race (Asio's ||) with var2: it is
				 * cancelled, part written, if var2 wins */
};


/* LEND: the storage is on this function's stack (&local, a local array). */
#define CCK_LEND_STACK 1
/* LEND: a descriptor an operation uses: closing it is the finding; other
 * operations may use it at the same time. */
#define CCK_LEND_FD 2

/* A CALL that runs a cleanup handler popped on the normal path. */
#define CCK_CALL_RUNS_CLEANUP 1
/* A CALL whose result is dropped: a statement, or cast to void. */
#define CCK_CALL_DISCARDED 2
/* A CALL whose result is assigned to a local never read. */
#define CCK_CALL_UNREAD 4
/* RELEASE: every guard its key names or contains (an unseen handler). */
#define CCK_RELEASE_COVERED 1
/* RELEASE (model): run by a cleanup where its scope ends; not if that
 * cleanup was disarmed (a lock guard released or moved from). */
#define CCK_RELEASE_BY_CLEANUP 1

enum cck_consume {
	CCK_BY_CALL,		/* free(p), close(fd), a role's consumes */
	CCK_BY_STORE,		/* stored into a place that owns it */
	CCK_BY_ESCAPE,		/* passed to a function we cannot see */
	CCK_BY_ESCAPE_ADDR,	/* its address escaped: so did its members */
};

struct cck_event {
	uint8_t kind;
	uint8_t model;		/* SUSPEND; CALL: CCK_CALL_* flags */
	uint8_t mask;		/* ACQUIRE (try) / OWN: success mask of res */
	uint8_t aux;		/* CONSUME: enum cck_consume; ACQUIRE/OWN: 1 if the
				 * same call suspends first (none on its cancel) */
	cck_sym key;		/* ACQUIRE/RELEASE: guard key */
	cck_sym text;		/* ACQUIRE: the guard as written */
	cck_sym var, var2;	/* variables (or temporaries) */
	cck_sym res;		/* variable holding the call's result, or 0 */
	cck_sym callee;		/* CALL and everything resolved from it */
	uint32_t arg0, nargs;	/* CALL: slice of func->args */
	uint32_t uid;		/* stable identity within the function */
	struct cck_loc loc;
};

/* An argument of a raw call: its guard-key text and, when the argument is
 * a plain variable (or &variable), that variable. */
struct cck_arg {
	cck_sym key;
	cck_sym text;		/* the key as written, for messages */
	cck_sym var;
	bool addr_of;		/* written as &var */
	bool stack;		/* the address of this frame's storage (&local,
				 * a local array) */
	bool is_const;		/* an integer constant... */
	int64_t value;		/* ...with this value */
};

enum cck_term {
	CCK_T_NONE,		/* still open while lowering */
	CCK_T_GOTO,		/* succ[0] */
	CCK_T_BRANCH,		/* cond ? succ[0] : succ[1] */
	CCK_T_SWITCH,		/* any of succ[] */
	CCK_T_RETURN,		/* ret: returned variable or 0 */
	CCK_T_NORETURN,		/* exit(), abort(), __builtin_unreachable() */
};

/* cmp_var <op> cmp_k, where op is one of the comparison operators. When
 * cmp_var is 0 the condition is opaque and both edges are taken. */
enum cck_cmp { CCK_CMP_NE, CCK_CMP_EQ, CCK_CMP_LT, CCK_CMP_LE, CCK_CMP_GT, CCK_CMP_GE };

struct cck_block {
	uint32_t id;
	GArray *raw;		/* struct cck_event, as lowered; NULL: none */
	GArray *ev;		/* resolved events */
	uint8_t term;
	uint8_t cmp_op;
	uint8_t cmp_local;	/* compared with a local's address: only the
				 * equal edge says something (no owned value) */
	cck_sym cmp_var;
	int64_t cmp_k;
	cck_sym ret;
	struct cck_loc term_loc;
	uint32_t *succ;		/* successors: inl, or a heap array for a switch */
	uint32_t nsucc, succ_cap;
	uint32_t inl[2];
	GArray *cases;		/* SWITCH on cmp_var: struct cck_case per succ */
};

/* The label of one successor of a switch. */
struct cck_case {
	int64_t k;
	bool is_default;	/* default:, or no case matched */
	bool known;		/* k is a known constant */
};

/* A cleanup handler registered with pthread_cleanup_push or a cleanup
 * attribute: the handler and its argument, and once resolved the events it
 * runs (releases and consumes). unknown: we could not see what it does. */
struct cck_cleanup {
	cck_sym handler;
	struct cck_arg arg;
	struct cck_loc loc;
	GArray *effects;	/* struct cck_event */
	bool unknown;
	bool on_cancel;		/* runs on a cancel edge (false: cleanup attr w/o -fexceptions) */
};

struct cck_func {
	cck_sym name;
	struct cck_loc loc;
	GPtrArray *blocks;	/* struct cck_block *, entry is 0 */
	GPtrArray *chunks;	/* the blocks' memory, 64 at a time */
	uint32_t chunk_used;
	GArray *args;		/* struct cck_arg */
	GArray *cleanups;	/* struct cck_cleanup */
	GArray *params;		/* cck_sym */
	GHashTable *locals;	/* sym set: the function's local variables */
	GHashTable *aliases;	/* key sym -> key sym, or NULL: members of local
				 * objects known to name a path (a reference
				 * member bound by the constructor) */
	struct cck_role role;	/* from annotations/config on its own decl */
	bool has_role;
	bool returns_value;
	bool done;		/* analyzed; its summary is final */
	bool internal;		/* static: only this TU can call it */
	uint32_t param_ptr;	/* bit N: parameter N is a pointer */
	GArray *callees;	/* cck_sym: every function it calls or registers
				 * as a cleanup (kept when the CFG is dropped) */
	GHashTable *calls_open;		/* sym set: called with cancellation on */
	GHashTable *calls_shielded;	/* sym set: called inside a shield */
	GHashTable *reads;	/* sym set: locals whose value is read */
	GArray *blocking;	/* struct cck_blocking: calls that block the thread */
	GArray *kept;		/* struct cck_leak, or NULL: findings left to its
				 * callers, reported if it has none (a coroutine body) */
	bool suspends_coro;	/* reaches a coroutine ('returns') suspend point */
	uint32_t pending;	/* callees defined in the TU not analyzed yet */
	uint32_t next_uid;
};

/* A call that blocks the thread: reported if the function turns out to
 * run as a coroutine (known once the whole TU is analyzed). */
struct cck_blocking {
	cck_sym callee;		/* the call */
	cck_sym via;		/* the blocking call it makes (or callee) */
	struct cck_loc loc;
};

struct cck_block *cck_block_new(struct cck_func *f);
void cck_block_add_succ(struct cck_block *b, uint32_t s);
struct cck_func *cck_func_new(void);
void cck_func_free(struct cck_func *f);
/* Drops the CFG of an analyzed function; its name and summary stay. */
void cck_func_drop_ir(struct cck_func *f);

/* Text of a guard key with $N placeholders replaced by the given args;
 * normalizes "*&x" and "&*x". Returns an interned symbol. */
/* key with its leading path replaced by what aliases maps it to
 * ("h.m_" -> "mu": a local object's member known to name mu), or key. */
cck_sym cck_key_alias(struct cck_strtab *t, GHashTable *aliases, cck_sym key);
cck_sym cck_key_subst(struct cck_strtab *t, const char *pattern,
		      const struct cck_arg *args, unsigned nargs);

void cck_dump_func(FILE *out, const struct cck_strtab *t,
		   const struct cck_func *f, bool resolved);

#endif
