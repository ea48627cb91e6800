/* Built-in models: the posix table, and helpers shared by every role source. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "model.h"

void cck_role_init(struct cck_role *r)
{
	static const struct cck_role empty = CCK_ROLE_INIT;
	*r = empty;
}

void cck_role_free(void *p)
{
	struct cck_role *r = p;
	if (!r)
		return;
	g_free(r->acquire_expr);
	g_free(r->release_expr);
	g_free(r->try_acquire_expr);
	g_free(r);
}

bool cck_role_is_empty(const struct cck_role *r)
{
	return !r->suspends && r->acquires < 0 && r->releases < 0 &&
	       r->try_acquires < 0 && r->consumes < 0 && r->moves < 0 && r->gives < 0 &&
	       r->consumes_on_cancel < 0 && r->lends < 0 && !r->returns_owned &&
	       !r->shield && !r->must_use && !r->noreturn && !r->borrows && !r->acquire_expr &&
	       !r->release_expr && !r->try_acquire_expr && !r->lends_async && r->lends_fd < 0 && !r->reaps &&
	       r->writes < 0 && !r->blocks && !r->nonblocking && r->coroutine_body < 0 &&
	       r->ends_stream < 0;
}

static char *shift_pattern(char *p)
{
	if (!p)
		return NULL;
	GString *out = g_string_new(NULL);
	for (const char *q = p; *q; q++) {
		if (*q == '$' && g_ascii_isdigit(q[1])) {
			g_string_append_printf(out, "$%ld", strtol(q + 1, (char **)&q, 10) + 1);
			q--;
		} else {
			g_string_append_c(out, *q);
		}
	}
	g_free(p);
	return g_string_free(out, FALSE);
}

void cck_role_shift(struct cck_role *r)
{
	signed char *idx[] = {
		&r->acquires, &r->releases, &r->try_acquires, &r->consumes,
		&r->consumes_on_cancel, &r->lends, &r->lends_fd, &r->lend_ring,
		&r->reap_ring, &r->writes, &r->write_progress, &r->ends_stream,
		&r->coroutine_body, &r->moves, &r->gives,
	};
	for (size_t i = 0; i < G_N_ELEMENTS(idx); i++)
		if (*idx[i] >= 0)
			++*idx[i];
	r->lends_async <<= 1;
	r->acquire_expr = shift_pattern(r->acquire_expr);
	r->release_expr = shift_pattern(r->release_expr);
	r->try_acquire_expr = shift_pattern(r->try_acquire_expr);
}

int cck_model_by_name(const char *name)
{
	if (!strcmp(name, "posix"))
		return CCK_MODEL_POSIX;
	if (!strcmp(name, "posix-strict"))
		return CCK_MODEL_POSIX | CCK_MODEL_POSIX_STRICT;
	if (!strcmp(name, "cco"))
		return CCK_MODEL_CCO;
	return -1;
}

unsigned cck_region_of(int64_t k)
{
	if (k == 0)
		return CCK_ZERO;
	if (k > 0)
		return k == EINPROGRESS ? CCK_EINPROGRESS : CCK_POS_OTHER;
	return k == -ECANCELED ? CCK_ECANCELED : k == -ETIMEDOUT ? CCK_ETIMEDOUT
								 : CCK_NEG_OTHER;
}

const char *cck_model_names(void)
{
	return "posix, posix-strict, cco";
}

/* One row of a model table. Columns left 0 mean "no"; argument columns are
 * 1-based so that 0 can mean "none" in a designated initializer. */
struct row {
	const char *name;
	unsigned char suspends;
	signed char acq, rel, tryacq, cons, moves, gives;
	unsigned char trysucc, owned;
	unsigned char shield;
	bool noreturn;
	bool blocks;		/* blocks the thread while it waits */
	signed char writes;	/* writes a message part to this stream */
	uint16_t lend;		/* bit N-1: argument N lent until a reap */
	signed char fd;		/* ...with the descriptor argument N */
	unsigned char lendsucc;	/* ...when the result is in this mask */
	signed char ring;	/* ...of this argument's completion source */
	bool reap;		/* reaps completions (of ring's source) */
	unsigned char reapsucc;	/* ...when the result is in this mask */
	signed char body;	/* this argument runs as a coroutine */
	signed char progress;	/* a write's progress is reported here */
	bool mustuse;		/* the result says what happened */
	bool pointee;		/* gives: the value its argument points to */
	unsigned char gsucc;	/* gives: when the result is in this mask */
	signed char dur;	/* lends this argument for the call's duration */
	signed char ends;	/* shuts down the stream this argument names */
};

#define B(n) (1u << ((n) - 1))

#define U CCK_CANCEL_UNWINDS

/* POSIX threads deferred cancellation. The cancellation points are the
 * POSIX "shall occur" list plus the Linux calls glibc makes cancellable.
 * Sorted by name: looked up with bsearch. */
static const struct row posix[] = {
	{ "_exit", .noreturn = 1 },
	{ "abort", .noreturn = 1 },
	{ "accept", .suspends = U, .owned = CCK_NONNEG, .blocks = 1 },
	{ "accept4", .suspends = U, .owned = CCK_NONNEG, .blocks = 1 },
	/* POSIX AIO: the aiocb (and the buffer it names) is the kernel's
	 * until aio_return, or aio_error says it is no longer in progress,
	 * or aio_cancel says AIO_CANCELED (0), or aio_suspend returns 0
	 * (one of its list completed: which one is not followed). */
	{ "aio_cancel", .reap = 1, .ring = 2, .reapsucc = CCK_ZERO },
	{ "aio_error", .reap = 1, .ring = 1, .reapsucc = CCK_ANY & ~CCK_EINPROGRESS },
	{ "aio_fsync", .lend = B(2), .ring = 2, .lendsucc = CCK_ZERO },
	{ "aio_read", .lend = B(1), .ring = 1, .lendsucc = CCK_ZERO },
	{ "aio_return", .reap = 1, .ring = 1 },
	{ "aio_suspend", .suspends = U, .reap = 1, .reapsucc = CCK_ZERO },
	{ "aio_write", .lend = B(1), .ring = 1, .lendsucc = CCK_ZERO },
	{ "aligned_alloc", .owned = CCK_NONZERO },
	{ "calloc", .owned = CCK_NONZERO },
	{ "clock_nanosleep", .suspends = U, .blocks = 1 },
	{ "close", .suspends = U, .cons = 1 },
	{ "connect", .suspends = U, .blocks = 1 },
	{ "creat", .suspends = U, .owned = CCK_NONNEG },
	{ "dup", .owned = CCK_NONNEG },
	{ "epoll_pwait", .suspends = U, .blocks = 1 },
	{ "epoll_wait", .suspends = U, .blocks = 1 },
	{ "exit", .noreturn = 1 },
	{ "fclose", .cons = 1 },
	{ "fdatasync", .suspends = U },
	/* The FILE takes the descriptor over; on failure it stays. */
	{ "fdopen", .moves = 1, .owned = CCK_NONZERO },
	{ "fopen", .owned = CCK_NONZERO },
	{ "free", .cons = 1 },
	{ "fsync", .suspends = U },
	/* its list's aiocbs are reaped one by one: any AIO reap ends it */
	{ "lio_listio", .lend = B(2), .lendsucc = CCK_ZERO },
	{ "lockf", .suspends = U },
	{ "malloc", .owned = CCK_NONZERO },
	{ "mq_receive", .suspends = U, .blocks = 1 },
	{ "mq_send", .suspends = U },
	{ "mq_timedreceive", .suspends = U, .blocks = 1 },
	{ "mq_timedsend", .suspends = U },
	{ "msgrcv", .suspends = U, .blocks = 1 },
	{ "msgsnd", .suspends = U },
	{ "msync", .suspends = U },
	{ "nanosleep", .suspends = U, .blocks = 1 },
	{ "open", .suspends = U, .owned = CCK_NONNEG },
	{ "openat", .suspends = U, .owned = CCK_NONNEG },
	{ "pause", .suspends = U, .blocks = 1 },
	{ "poll", .suspends = U, .blocks = 1 },
	{ "ppoll", .suspends = U, .blocks = 1 },
	{ "pread", .suspends = U },
	{ "preadv", .suspends = U },
	{ "pselect", .suspends = U, .blocks = 1 },
	{ "pthread_cond_timedwait", .suspends = U, .blocks = 1 },
	{ "pthread_cond_wait", .suspends = U, .blocks = 1 },
	/* The new thread owns its argument once it is created (result 0). */
	{ "pthread_create", .gives = 4 },
	{ "pthread_exit", .noreturn = 1 },
	{ "pthread_join", .suspends = U, .blocks = 1 },
	{ "pthread_mutex_lock", .acq = 1 },
	{ "pthread_mutex_timedlock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "pthread_mutex_trylock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "pthread_mutex_unlock", .rel = 1 },
	{ "pthread_rwlock_rdlock", .acq = 1 },
	{ "pthread_rwlock_timedrdlock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "pthread_rwlock_timedwrlock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "pthread_rwlock_tryrdlock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "pthread_rwlock_trywrlock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "pthread_rwlock_unlock", .rel = 1 },
	{ "pthread_rwlock_wrlock", .acq = 1 },
	{ "pthread_setcancelstate", .shield = CCK_SHIELD_BY_ARG0 },
	/* Kept in thread-specific data: the key's destructor releases it when
	 * the thread exits, cancelled or not. */
	{ "pthread_setspecific", .cons = 2 },
	{ "pthread_spin_lock", .acq = 1 },
	{ "pthread_spin_trylock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "pthread_spin_unlock", .rel = 1 },
	{ "pthread_testcancel", .suspends = U },
	{ "pwrite", .suspends = U },
	{ "pwritev", .suspends = U },
	{ "read", .suspends = U, .blocks = 1 },
	{ "readv", .suspends = U, .blocks = 1 },
	{ "realloc", .moves = 1, .owned = CCK_NONZERO },
	{ "recv", .suspends = U, .blocks = 1 },
	{ "recvfrom", .suspends = U, .blocks = 1 },
	{ "recvmsg", .suspends = U, .blocks = 1 },
	/* systemd's notification calls send on a socket (sendmsg). */
	{ "sd_notify", .suspends = U },
	{ "sd_notify_barrier", .suspends = U },
	{ "sd_notifyf", .suspends = U },
	{ "sd_pid_notify", .suspends = U },
	{ "sd_pid_notify_with_fds", .suspends = U },
	{ "sd_pid_notifyf", .suspends = U },
	{ "sd_pid_notifyf_with_fds", .suspends = U },
	{ "select", .suspends = U, .blocks = 1 },
	{ "sem_post", .rel = 1 },
	{ "sem_timedwait", .suspends = U, .tryacq = 1, .trysucc = CCK_ZERO, .blocks = 1 },
	{ "sem_trywait", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "sem_wait", .suspends = U, .acq = 1, .blocks = 1 },
	{ "send", .suspends = U, .writes = 1 },
	{ "sendmsg", .suspends = U, .writes = 1 },
	{ "sendto", .suspends = U, .writes = 1 },
	{ "shutdown", .ends = 1 },
	{ "sigsuspend", .suspends = U, .blocks = 1 },
	{ "sigtimedwait", .suspends = U, .blocks = 1 },
	{ "sigwait", .suspends = U, .blocks = 1 },
	{ "sigwaitinfo", .suspends = U, .blocks = 1 },
	{ "sleep", .suspends = U, .blocks = 1 },
	{ "socket", .owned = CCK_NONNEG },
	{ "strdup", .owned = CCK_NONZERO },
	{ "strndup", .owned = CCK_NONZERO },
	/* glibc's syslog writes to a socket with cancellation enabled. */
	{ "syslog", .suspends = U },
	{ "system", .suspends = U, .blocks = 1 },
	{ "tcdrain", .suspends = U },
	{ "usleep", .suspends = U, .blocks = 1 },
	{ "vsyslog", .suspends = U },
	{ "wait", .suspends = U, .blocks = 1 },
	{ "waitid", .suspends = U, .blocks = 1 },
	{ "waitpid", .suspends = U, .blocks = 1 },
	{ "write", .suspends = U, .writes = 1 },
	{ "writev", .suspends = U, .writes = 1 },
};

/* liburing: a prepared operation holds its buffers (and the address
 * accept writes, statx's result) and its descriptor until a completion is
 * reaped on the ring. What the kernel copies when it consumes the
 * submission (iovec arrays, msghdr, timespec, paths, connect's address:
 * IORING_FEAT_SUBMIT_STABLE) is not lent.
 * Which completion is not followed: any reap ends the ring's lends (a
 * reap on another ring too: silence over guessing). A wait that fails or
 * times out (-ETIME) reaps nothing. Sorted by name. */
static const struct row uring[] = {
	{ "io_uring_cq_advance", .reap = 1 },
	{ "io_uring_cqe_seen", .reap = 1 },
	{ "io_uring_peek_batch_cqe", .reap = 1, .reapsucc = CCK_POS },
	{ "io_uring_peek_cqe", .reap = 1, .reapsucc = CCK_ZERO },
	{ "io_uring_prep_accept", .fd = 2, .lend = B(3) | B(4) },
	{ "io_uring_prep_connect", .fd = 2 },
	{ "io_uring_prep_fsync", .fd = 2 },
	{ "io_uring_prep_poll_add", .fd = 2 },
	{ "io_uring_prep_read", .fd = 2, .lend = B(3) },
	{ "io_uring_prep_read_fixed", .fd = 2, .lend = B(3) },
	{ "io_uring_prep_readv", .fd = 2 },
	{ "io_uring_prep_readv2", .fd = 2 },
	{ "io_uring_prep_recv", .fd = 2, .lend = B(3) },
	{ "io_uring_prep_recvmsg", .fd = 2 },
	{ "io_uring_prep_send", .fd = 2, .lend = B(3) },
	{ "io_uring_prep_send_zc", .fd = 2, .lend = B(3) },
	{ "io_uring_prep_sendmsg", .fd = 2 },
	{ "io_uring_prep_statx", .lend = B(6) },
	{ "io_uring_prep_write", .fd = 2, .lend = B(3) },
	{ "io_uring_prep_write_fixed", .fd = 2, .lend = B(3) },
	{ "io_uring_prep_writev", .fd = 2 },
	{ "io_uring_prep_writev2", .fd = 2 },
	/* tearing the ring down cancels what is in flight */
	{ "io_uring_queue_exit", .reap = 1 },
	{ "io_uring_submit_and_wait", .reap = 1, .reapsucc = CCK_NONNEG },
	{ "io_uring_submit_and_wait_timeout", .reap = 1, .reapsucc = CCK_NONNEG },
	{ "io_uring_wait_cqe", .reap = 1, .reapsucc = CCK_ZERO },
	{ "io_uring_wait_cqe_nr", .reap = 1, .reapsucc = CCK_ZERO },
	{ "io_uring_wait_cqe_timeout", .reap = 1, .reapsucc = CCK_ZERO },
	{ "io_uring_wait_cqes", .reap = 1, .reapsucc = CCK_ZERO },
};

#define R CCK_CANCEL_RETURNS

/* cco's API, for code analyzed without cco.h's annotations (which are the
 * source of truth: a test checks that the two agree). Sorted by name. */
static const struct row cco[] = {
	{ "cco_accept", .suspends = R, .owned = CCK_NONNEG, .mustuse = 1 },
	{ "cco_chan_free", .cons = 1 },
	{ "cco_chan_open", .owned = CCK_NONZERO },
	{ "cco_chan_recv", .suspends = R, .mustuse = 1 },
	{ "cco_chan_reserve", .suspends = R, .tryacq = 2, .trysucc = CCK_ZERO },
	{ "cco_chan_send", .suspends = R, .gives = 2, .pointee = 1 },
	{ "cco_chan_try_send", .gives = 2, .pointee = 1 },
	{ "cco_close", .cons = 1 },
	{ "cco_connect", .suspends = R, .mustuse = 1 },
	{ "cco_event_free", .cons = 1 },
	{ "cco_event_new", .owned = CCK_NONZERO },
	{ "cco_event_wait", .suspends = R },
	{ "cco_exec_run", .body = 2, .mustuse = 1 },
	{ "cco_join", .suspends = R, .mustuse = 1 },
	{ "cco_mutex_free", .cons = 1 },
	{ "cco_mutex_lock", .suspends = R, .tryacq = 1, .trysucc = CCK_ZERO },
	{ "cco_mutex_new", .owned = CCK_NONZERO },
	{ "cco_mutex_trylock", .tryacq = 1, .trysucc = CCK_ZERO },
	{ "cco_mutex_unlock", .rel = 1 },
	{ "cco_permit_release", .rel = 1 },
	{ "cco_permit_send", .rel = 1, .gives = 2, .pointee = 1, .gsucc = CCK_ANY },
	{ "cco_read", .suspends = R, .dur = 2, .mustuse = 1 },
	{ "cco_recv", .suspends = R, .dur = 2, .mustuse = 1 },
	{ "cco_scope_close", .suspends = R, .cons = 1 },
	{ "cco_scope_open", .owned = CCK_NONZERO },
	{ "cco_select", .suspends = R, .mustuse = 1 },
	{ "cco_sem_acquire", .suspends = R, .tryacq = 1, .trysucc = CCK_ZERO },
	{ "cco_sem_free", .cons = 1 },
	{ "cco_sem_new", .owned = CCK_NONZERO },
	{ "cco_sem_release", .rel = 1 },
	{ "cco_send", .suspends = R, .writes = 1, .dur = 2, .mustuse = 1 },
	{ "cco_shield_begin", .shield = CCK_SHIELD_BEGIN },
	{ "cco_shield_end", .shield = CCK_SHIELD_END },
	{ "cco_sleep", .suspends = R },
	{ "cco_spawn", .cons = 3, .body = 2, .mustuse = 1 },
	{ "cco_write", .suspends = R, .writes = 1, .dur = 2, .mustuse = 1 },
	{ "cco_write_all", .suspends = R, .writes = 1, .progress = 4, .dur = 2, .mustuse = 1 },
	{ "cco_yield", .suspends = R },
};

#undef R

/* posix-strict: the POSIX "may occur" cancellation points that glibc
 * actually makes cancellable or may (stdio, name lookups, directories,
 * file operations). Off by default: most code treats them as plain calls.
 * Sorted by name. */
static const char *const may_occur[] = {
	"closedir", "closelog", "dprintf", "fclose", "fcntl", "fflush", "fgetc",
	"fgets", "fopen", "fprintf", "fputc", "fputs", "fread", "freopen", "fscanf",
	"fseek", "fseeko", "fsetpos", "ftell", "fwrite", "getaddrinfo", "getc",
	"getchar", "getdelim", "gethostbyaddr", "gethostbyname", "getline",
	"getnameinfo", "getpwnam", "getpwnam_r", "getpwuid", "getpwuid_r", "gets",
	"ioctl", "lseek", "mkstemp", "opendir", "openlog", "pclose", "perror",
	"popen", "printf", "putc", "putchar", "puts", "readdir", "remove", "rename",
	"scanf", "tmpfile", "unlink", "vdprintf", "vfprintf", "vprintf",
};

#undef U

static int row_cmp(const void *key, const void *elt)
{
	return strcmp(key, ((const struct row *)elt)->name);
}

static void row_to_role(const struct row *w, struct cck_role *r)
{
	cck_role_init(r);
	r->suspends = w->suspends;
	r->acquires = w->acq - 1;
	r->releases = w->rel - 1;
	r->try_acquires = w->tryacq - 1;
	r->try_success = w->trysucc;
	r->consumes = w->cons - 1;
	r->moves = w->moves - 1;
	r->gives = w->gives - 1;
	r->gives_success = w->gsucc ? w->gsucc : CCK_ZERO;
	r->gives_pointee = w->pointee;
	r->lends = w->dur - 1;
	r->ends_stream = w->ends - 1;
	r->returns_owned = w->owned != 0;
	r->owned_success = w->owned;
	r->shield = w->shield;
	r->noreturn = w->noreturn;
	r->blocks = w->blocks;
	r->writes = w->writes - 1;
	r->lends_async = w->lend;
	r->lends_fd = w->fd - 1;
	r->lend_success = w->lendsucc;
	r->lend_ring = w->lend ? w->ring - 1 : -1;
	r->reaps = w->reap;
	r->reap_ring = w->reap ? w->ring - 1 : -1;
	r->reap_success = w->reapsucc;
	r->coroutine_body = w->body - 1;
	r->write_progress = w->progress - 1;
	r->must_use = w->mustuse;
	r->borrows = r->consumes < 0 && r->moves < 0 && r->gives < 0;
}

/* Roles are built once from the table; the table is small and fixed.
 * libc's owned values (memory, descriptors, streams) are owned, and its
 * locks (mutexes, rwlocks, spinlocks, semaphores) held, under every model:
 * the same rows without their cancellation points. */
static struct cck_role posix_roles[sizeof posix / sizeof posix[0]];
static struct cck_role libc_roles[sizeof posix / sizeof posix[0]];
static struct cck_role strict_roles[sizeof may_occur / sizeof may_occur[0]];
/* C++: the suspend points of a C++20 coroutine (destroying it at one
 * runs the destructors of the locals alive there: the 'unwinds' model),
 * the standard mutexes, and the lock guards. A guard's declaration is
 * lowered as a call named by its type that acquires the mutex, and its
 * destructor as a cleanup that releases it. Member functions take the
 * object as argument 1. Sorted by name (strcmp). */
static const struct row cxx[] = {
	{ "co_await", .suspends = CCK_CANCEL_DESTROYS },
	{ "co_yield", .suspends = CCK_CANCEL_DESTROYS },
	{ "operator delete", .cons = 1 },
	{ "operator delete[]", .cons = 1 },
	{ "operator new", .owned = CCK_NONZERO },
	{ "operator new[]", .owned = CCK_NONZERO },
	{ "std::condition_variable::wait", .blocks = 1 },
	{ "std::condition_variable::wait_for", .blocks = 1 },
	{ "std::condition_variable::wait_until", .blocks = 1 },
	{ "std::lock_guard", .acq = 1 },
	{ "std::lock_guard::~lock_guard", .rel = 1 },
	{ "std::mutex::lock", .acq = 1 },
	{ "std::mutex::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::mutex::unlock", .rel = 1 },
	{ "std::recursive_mutex::lock", .acq = 1 },
	{ "std::recursive_mutex::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::recursive_mutex::unlock", .rel = 1 },
	{ "std::recursive_timed_mutex::lock", .acq = 1 },
	{ "std::recursive_timed_mutex::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::recursive_timed_mutex::unlock", .rel = 1 },
	{ "std::scoped_lock", .acq = 1 },
	{ "std::scoped_lock::~scoped_lock", .rel = 1 },
	{ "std::shared_lock", .acq = 1 },
	{ "std::shared_lock::lock", .acq = 1 },
	{ "std::shared_lock::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::shared_lock::unlock", .rel = 1 },
	{ "std::shared_lock::~shared_lock", .rel = 1 },
	{ "std::shared_mutex::lock", .acq = 1 },
	{ "std::shared_mutex::lock_shared", .acq = 1 },
	{ "std::shared_mutex::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::shared_mutex::try_lock_shared", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::shared_mutex::unlock", .rel = 1 },
	{ "std::shared_mutex::unlock_shared", .rel = 1 },
	{ "std::shared_timed_mutex::lock", .acq = 1 },
	{ "std::shared_timed_mutex::lock_shared", .acq = 1 },
	{ "std::shared_timed_mutex::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::shared_timed_mutex::try_lock_shared", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::shared_timed_mutex::unlock", .rel = 1 },
	{ "std::shared_timed_mutex::unlock_shared", .rel = 1 },
	{ "std::this_thread::sleep_for", .blocks = 1 },
	{ "std::this_thread::sleep_until", .blocks = 1 },
	{ "std::timed_mutex::lock", .acq = 1 },
	{ "std::timed_mutex::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::timed_mutex::unlock", .rel = 1 },
	{ "std::unique_lock", .acq = 1 },
	{ "std::unique_lock::lock", .acq = 1 },
	{ "std::unique_lock::try_lock", .tryacq = 1, .trysucc = CCK_NONZERO },
	{ "std::unique_lock::unlock", .rel = 1 },
	{ "std::unique_lock::~unique_lock", .rel = 1 },
};

static struct cck_role uring_roles[sizeof uring / sizeof uring[0]];
static struct cck_role cxx_roles[sizeof cxx / sizeof cxx[0]];
static struct cck_role cco_roles[sizeof cco / sizeof cco[0]];

static void build_table(const struct row *t, size_t n, struct cck_role *out)
{
	for (size_t i = 0; i < n; i++) {
		if (i && strcmp(t[i - 1].name, t[i].name) >= 0)
			abort();	/* the table must stay sorted for bsearch */
		row_to_role(&t[i], &out[i]);
	}
}

static const struct cck_role *lookup(const struct row *t, size_t n,
				     const struct cck_role *roles, const char *fn)
{
	const struct row *w = bsearch(fn, t, n, sizeof t[0], row_cmp);
	return w ? &roles[w - t] : NULL;
}

static int name_cmp(const void *key, const void *elt)
{
	return strcmp(key, *(const char *const *)elt);
}

static void __attribute__((constructor)) build_roles(void)
{
	build_table(posix, sizeof posix / sizeof posix[0], posix_roles);
	for (size_t i = 0; i < sizeof posix / sizeof posix[0]; i++) {
		/* the same role without its cancellation point, shield or exit */
		struct cck_role r = posix_roles[i];
		r.suspends = CCK_CANCEL_NONE;
		r.shield = CCK_SHIELD_NONE;
		r.noreturn = false;
		r.borrows = false;
		bool empty = cck_role_is_empty(&r);
		r.borrows = posix_roles[i].borrows;
		if (empty)
			cck_role_init(&r);
		libc_roles[i] = r;
	}
	build_table(uring, sizeof uring / sizeof uring[0], uring_roles);
	build_table(cco, sizeof cco / sizeof cco[0], cco_roles);
	build_table(cxx, sizeof cxx / sizeof cxx[0], cxx_roles);
	/* a "may occur" point keeps what posix says it does with values */
	for (size_t i = 0; i < sizeof may_occur / sizeof may_occur[0]; i++) {
		if (i && strcmp(may_occur[i - 1], may_occur[i]) >= 0)
			abort();
		const struct row *w = bsearch(may_occur[i], posix, sizeof posix / sizeof posix[0],
					      sizeof posix[0], row_cmp);
		if (w)
			strict_roles[i] = posix_roles[w - posix];
		else
			cck_role_init(&strict_roles[i]);
		strict_roles[i].suspends = CCK_CANCEL_UNWINDS;
		strict_roles[i].borrows = !w || strict_roles[i].borrows;
	}
}

const struct cck_role *cck_model_role(unsigned models, const char *fn)
{
	if ((models & CCK_MODEL_URING) && !strncmp(fn, "io_uring_", 9))
		return lookup(uring, sizeof uring / sizeof uring[0], uring_roles, fn);
	if ((models & CCK_MODEL_CCO) && !strncmp(fn, "cco_", 4))
		return lookup(cco, sizeof cco / sizeof cco[0], cco_roles, fn);
	if ((models & CCK_MODEL_CXX) && (!strncmp(fn, "std::", 5) || !strncmp(fn, "co_", 3) ||
					  !strncmp(fn, "operator ", 9)))
		return lookup(cxx, sizeof cxx / sizeof cxx[0], cxx_roles, fn);
	if (models & CCK_MODEL_POSIX_STRICT) {
		const char *const *m = bsearch(fn, may_occur,
			sizeof may_occur / sizeof may_occur[0], sizeof may_occur[0], name_cmp);
		if (m)
			return &strict_roles[m - may_occur];
	}
	const struct row *w = bsearch(fn, posix, sizeof posix / sizeof posix[0],
				      sizeof posix[0], row_cmp);
	if (!w)
		return NULL;
	if (models & CCK_MODEL_POSIX)
		return &posix_roles[w - posix];
	return cck_role_is_empty(&libc_roles[w - posix]) ? NULL : &libc_roles[w - posix];
}

/* The calls that use cancellation, as written in source; the cleanup
 * macros show up as glibc's own functions after expansion. */
static const char *const cancel_names[] = {
	"pthread_cancel", "pthread_setcancelstate", "pthread_setcanceltype",
	"pthread_testcancel", "pthread_cleanup_push",
};

bool cck_posix_uses_cancellation(const char *fn)
{
	for (size_t i = 0; i < sizeof cancel_names / sizeof cancel_names[0]; i++)
		if (!strcmp(fn, cancel_names[i]))
			return true;
	return !strcmp(fn, "__pthread_register_cancel") ||
	       !strcmp(fn, "_pthread_cleanup_push");
}

bool cck_posix_named_in(const char *text)
{
	for (size_t i = 0; i < sizeof cancel_names / sizeof cancel_names[0]; i++)
		if (strstr(text, cancel_names[i]))
			return true;
	return false;
}
