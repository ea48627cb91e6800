/* cancelcheck annotations: tell the analyzer what your API does at
 * cancellation. Compilers other than clang see nothing.
 *
 * Argument indices are 1-based, like clang's own attributes. */
#ifndef CANCELCHECK_ANNOTATIONS_H
#define CANCELCHECK_ANNOTATIONS_H

#if defined(__clang__)
#define CCK__ANNOTATE(s) __attribute__((annotate("cancelcheck::" s)))
#define CCK__ATTR(...) __attribute__((__VA_ARGS__))
#else
#define CCK__ANNOTATE(s)
#define CCK__ATTR(...)
#endif

/* ---- suspend points ---------------------------------------------------- */

/* The function may suspend and be cancelled; cancellation makes it return
 * a negative status (-ECANCELED, -ETIMEDOUT) to its caller. */
#define CCK_SUSPENDS_RETURNS CCK__ANNOTATE("suspends(returns)")
/* The function may suspend; cancellation leaves the caller without
 * returning, running only registered cleanups (POSIX cancellation). */
#define CCK_SUSPENDS_UNWINDS CCK__ANNOTATE("suspends(unwinds)")

/* ---- owned values ------------------------------------------------------ */

/* Returns a fresh owned value; success: nonnull (pointers), nonneg
 * (descriptors) or zero/nonzero/neg/pos. */
#define CCK_RETURNS_OWNED CCK__ANNOTATE("returns_owned(nonnull)") \
	CCK__ATTR(ownership_returns(cancelcheck))
#define CCK_RETURNS_OWNED_IF(success) CCK__ANNOTATE("returns_owned(" #success ")")
/* Takes ownership of argument n (frees, closes, stores or hands it back). */
#define CCK_TAKES(n) CCK__ANNOTATE("consumes(" #n ")") \
	CCK__ATTR(ownership_takes(cancelcheck, n))
#define CCK_CONSUMES(n) CCK__ANNOTATE("consumes(" #n ")")
/* Takes ownership of argument n and loses it if cancelled: a cancel-unsafe
 * send. Callers get a cancel-lost-value finding. */
#define CCK_CONSUMES_ON_CANCEL(n) CCK__ANNOTATE("consumes_on_cancel(" #n ")")
/* Takes ownership of argument n only when the result is in success
 * (zero, nonzero, nonneg, ...; always for a call that cannot fail); on
 * any other result, cancellation included, the caller still owns it. */
#define CCK_TAKES_IF(n, success) CCK__ANNOTATE("takes_if(" #n "," #success ")")
/* The same for the value argument n points to: the caller passes &value
 * (a channel send that copies the element in). */
#define CCK_TAKES_POINTEE_IF(n, success) \
	CCK__ANNOTATE("takes_pointee_if(" #n "," #success ")")
/* Argument n is lent for the duration of the call: the function may
 * suspend while an operation uses it, but returns only once the operation
 * is over (cco's I/O calls). Returning with it still lent is a
 * cancel-lent-buffer finding in the function's body. */
#define CCK_LENDS(n) CCK__ANNOTATE("lends(" #n ")")
/* Argument n is lent to an operation that completes after the call
 * returns, until a call that reaps completions (CCK_REAPS): freeing it,
 * lending it again or letting it go out of scope before is a
 * cancel-lent-buffer finding. _ON names the argument that identifies the
 * completion source (an aiocb, a ring); without it, any reap ends it. */
#define CCK_LENDS_UNTIL_REAP(n) CCK__ANNOTATE("lends_until_reap(" #n ")")
#define CCK_LENDS_UNTIL_REAP_ON(n, source) \
	CCK__ANNOTATE("lends_until_reap(" #n "," #source ")")
/* The lends hold only when the result is in success (zero, nonneg, ...):
 * a submission that fails lends nothing. */
#define CCK_LENDS_IF(success) CCK__ANNOTATE("lend_success(" #success ")")
/* The descriptor argument n is in use by that operation until a reap:
 * closing it before is a finding (other operations may share it). */
#define CCK_LENDS_FD(n) CCK__ANNOTATE("lends_fd(" #n ")")
/* Reaps completions: lends end. _ON: only those of the source argument n
 * names; _IF: only when the result is in success (zero, nonneg, ...). */
#define CCK_REAPS CCK__ANNOTATE("reaps(0)")
#define CCK_REAPS_ON(n) CCK__ANNOTATE("reaps(" #n ")")
#define CCK_REAPS_IF(success) CCK__ANNOTATE("reaps(0," #success ")")
/* Only reads its arguments: passing an owned value does not give it away. */
#define CCK_BORROWS CCK__ANNOTATE("borrows")
/* The result says what happened (acquired or not, sent or not, joined or
 * not): discarding it is a cancel-discarded-op finding. */
#define CCK_MUST_USE CCK__ANNOTATE("must_use") CCK__ATTR(warn_unused_result)

/* ---- streams and coroutines ------------------------------------------ */

/* Writes part of a message to the stream argument n names (a descriptor,
 * a connection): two such writes with a suspend point between them leave
 * half a message if cancelled there (cancel-split-write). _PROGRESS: the
 * call reports how much went through argument p; a caller that passes it
 * can resume, and is not blamed. */
#define CCK_WRITES(n) CCK__ANNOTATE("writes(" #n ")")
#define CCK_WRITES_PROGRESS(n, p) CCK__ANNOTATE("writes(" #n "," #p ")")
/* Blocks the calling thread while it waits (blocking-in-coroutine). */
#define CCK_BLOCKS CCK__ANNOTATE("blocks")
/* On a definition: the calls it makes that could block (read, accept,
 * connect) are on non-blocking descriptors, so it does not block. */
#define CCK_NONBLOCKING CCK__ANNOTATE("nonblocking")
/* Argument n is a function that runs as a coroutine (a spawn). */
#define CCK_COROUTINE_BODY(n) CCK__ANNOTATE("coroutine_body(" #n ")")

/* ---- guards ------------------------------------------------------------ */

/* Clang's thread-safety attributes work as they are:
 *   void lock(struct q *q) __attribute__((acquire_capability(q->mu)));
 * These name the guard by argument instead, for plain pointer APIs. */
#define CCK_ACQUIRES(n) CCK__ANNOTATE("acquires(" #n ")")
#define CCK_RELEASES(n) CCK__ANNOTATE("releases(" #n ")")
/* Acquires argument n when the result is in success (default zero). */
#define CCK_TRY_ACQUIRES(n, success) CCK__ANNOTATE("try_acquires(" #n "," #success ")")

/* ---- shields ----------------------------------------------------------- */

/* Cancellation is deferred from a SHIELD_BEGIN call to a SHIELD_END call. */
#define CCK_SHIELD_BEGIN CCK__ANNOTATE("shield(begin)")
#define CCK_SHIELD_END CCK__ANNOTATE("shield(end)")

#endif
