/* Roles: what a called function does to guards, owned values and the
 * running coroutine. Models, annotations and the config file all produce
 * roles; the front end turns a call with a role into IR events. */
#ifndef CCK_MODEL_H
#define CCK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* How cancellation manifests at a suspend point (DESIGN §2). */
enum cck_cancel_model {
	CCK_CANCEL_NONE = 0,	/* the call does not suspend */
	CCK_CANCEL_RETURNS,	/* returns a negative status, caller's code runs */
	CCK_CANCEL_UNWINDS,	/* control leaves; only registered cleanups run */
	CCK_CANCEL_DESTROYS,	/* a C++ coroutine destroyed at its suspend point:
				 * as unwinds, the destructors of its live locals
				 * (its cleanups) run; nothing of it reaches a
				 * caller, which does not suspend by calling it */
};

/* Whether control leaves the function on the cancel edge (the registered
 * cleanups run) rather than returning a status. */
static inline bool cck_cancel_unwinds(unsigned m)
{
	return m == CCK_CANCEL_UNWINDS || m == CCK_CANCEL_DESTROYS;
}

/* Abstract value of an integer or pointer result: which signs it may have,
 * with the two cancellation statuses (-ECANCELED, -ETIMEDOUT) apart from
 * other negative values so that code testing for them is understood.
 * A success condition ("trylock returned 0", "malloc not NULL") is a mask. */
enum {
	CCK_NEG_OTHER = 1,	/* negative, neither cancellation status */
	CCK_ZERO = 2,
	CCK_POS_OTHER = 4,	/* positive, not EINPROGRESS */
	CCK_ECANCELED = 8,	/* exactly -ECANCELED */
	CCK_ETIMEDOUT = 16,	/* exactly -ETIMEDOUT */
	CCK_EINPROGRESS = 32,	/* exactly EINPROGRESS (aio_error's "not yet") */
	CCK_POS = CCK_POS_OTHER | CCK_EINPROGRESS,
	CCK_CANCELLED = CCK_ECANCELED | CCK_ETIMEDOUT,
	CCK_NEG = CCK_NEG_OTHER | CCK_CANCELLED,
	CCK_NONZERO = CCK_NEG | CCK_POS,
	CCK_NONNEG = CCK_ZERO | CCK_POS,
	CCK_ANY = CCK_NEG | CCK_ZERO | CCK_POS,
};

enum cck_shield_role {
	CCK_SHIELD_NONE = 0,
	CCK_SHIELD_BEGIN,
	CCK_SHIELD_END,
	CCK_SHIELD_BY_ARG0,	/* pthread_setcancelstate: DISABLE begins, else ends */
};

/* Argument indices are 0-based here; -1 means "none". Users write 1-based
 * indices in annotations and config, like clang's own attributes. */
struct cck_role {
	unsigned char suspends;		/* enum cck_cancel_model */
	signed char acquires;		/* the guard is this argument */
	signed char releases;
	signed char try_acquires;	/* acquired when the result is in try_success */
	unsigned char try_success;
	signed char consumes;		/* takes ownership of this argument */
	signed char consumes_on_cancel;	/* ...and loses it if cancelled */
	signed char lends;		/* lent for the duration of the call */
	uint16_t lends_async;		/* bit N: argument N lent to an operation
					 * that completes later, until a reap */
	signed char lends_fd;		/* the descriptor that operation uses */
	unsigned char lend_success;	/* lent only when the result is in this
					 * mask (0: always): a failed submission
					 * lends nothing */
	signed char lend_ring;		/* ...of the completion source named by this
					 * argument (-1: any source of its family) */
	bool reaps;			/* reaps completions: lends end */
	signed char reap_ring;		/* ...of this argument's source (-1: any) */
	unsigned char reap_success;	/* ...when the result is in this mask (0: always) */
	signed char writes;		/* writes part of a message to this stream */
	signed char write_progress;	/* ...reporting progress through this argument */
	signed char ends_stream;	/* shuts the stream this argument names down */
	bool blocks;			/* blocks the calling thread while it waits */
	bool nonblocking;		/* its own calls do not block (its descriptors
					 * are non-blocking): a contract on a body */
	signed char coroutine_body;	/* this argument is a function run as a coroutine */
	signed char moves;		/* result takes this argument over on
					 * success, else it stays (realloc) */
	signed char gives;		/* hands this argument over when the
					 * result is in gives_success */
	unsigned char gives_success;
	bool gives_pointee;		/* ...the value "&var" points at: var's */
	bool returns_owned;		/* result is a fresh owned value */
	unsigned char owned_success;	/* result mask meaning "got one" */
	unsigned char shield;		/* enum cck_shield_role */
	bool must_use;
	bool returns_task;		/* C++: returns a coroutine task, which does
					 * its work only if awaited or spawned */
	bool borrows;			/* only reads its arguments: no escape */
	bool noreturn;			/* never returns (exit, pthread_exit) */
	/* Capability expressions from thread-safety attributes, with $N for
	 * argument N (e.g. "&$0->mu"); used instead of the index when set. */
	char *acquire_expr;
	char *release_expr;
	char *try_acquire_expr;
};

#define CCK_ROLE_INIT {							\
	.acquires = -1, .releases = -1, .try_acquires = -1,		\
	.consumes = -1, .consumes_on_cancel = -1, .lends = -1,		\
	.moves = -1, .gives = -1, .lend_ring = -1, .reap_ring = -1,	\
	.lends_fd = -1,							\
	.writes = -1, .write_progress = -1, .coroutine_body = -1,	\
	.ends_stream = -1,						\
}

void cck_role_init(struct cck_role *r);
void cck_role_free(void *r);	/* a heap role, with its strings */
/* Argument N becomes N + 1: a member function's role, written over its
 * declared parameters, for calls whose argument 0 is the object. */
void cck_role_shift(struct cck_role *r);
bool cck_role_is_empty(const struct cck_role *r);

/* Built-in models, by name ("posix"). */
enum cck_model_id {
	CCK_MODEL_POSIX = 1u << 0,
	CCK_MODEL_CCO = 1u << 1,	/* cco's API, for code built without its header */
	CCK_MODEL_POSIX_STRICT = 1u << 2,	/* posix, plus the "may occur" points */
	CCK_MODEL_URING = 1u << 3,	/* liburing: on when a TU calls it */
	CCK_MODEL_CXX = 1u << 4,	/* C++20 coroutines and the standard
					 * mutexes: on in a C++ TU */
};
int cck_model_by_name(const char *name);	/* -1 if unknown */
unsigned cck_region_of(int64_t k);		/* the region bit holding k */
const char *cck_model_names(void);		/* "posix" for messages */

/* The role a built-in model gives to a function name, or NULL. */
const struct cck_role *cck_model_role(unsigned models, const char *fn);

/* Calls that switch a TU into the posix model automatically. */
bool cck_posix_uses_cancellation(const char *fn);
/* Whether source text names one of them (a hint: comments count too). */
bool cck_posix_named_in(const char *text);

#endif
