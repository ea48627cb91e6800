#!/usr/bin/env python3
"""Generate a large, realistic POSIX-threads C translation unit for benchmarks.

Usage: gen_posix.py [LINES] [-o FILE] [--seed N]

The output is deterministic for a given (LINES, seed, GEN_VERSION) and is
exactly LINES lines long (unless LINES is too small to hold the fixed
prologue and one module).  It compiles without diagnostics under
  clang-19 -fsyntax-only -std=gnu11 -pthread -Wall -Wextra -I<srcroot>/include
(-I for cco's header, include/cco.h; liburing.h is Debian's liburing-dev,
and nothing needs linking: the file is only parsed or compiled).

The file is a sequence of "modules".  Each module has a queue struct with a
mutex member, a few small static helpers (lock/unlock wrappers, a blocking
read loop, a condition-wait loop, pure arithmetic) and 6-20 worker functions
of 20-80 lines built from templates: mutex-protected queues with
pthread_cond_wait loops under pthread_cleanup_push/pop, malloc/free,
open/read/write/close, pthread_setcancelstate regions, goto-cleanup error
paths, switch with fallthrough, loops, && / || / ?:.  Orchestrator functions
call earlier workers so call-graph inference has work to do.

About one worker function in eight (a tenth of the lines) comes from the
asynchronous-I/O and coroutine templates, drawn from a second random
stream so that the classic workload is version 1's, function for function,
with these interleaved: POSIX AIO (aio_read/aio_write with a stack or heap
aiocb and buffer, aio_suspend with a timeout under a shield or a cleanup
handler, and on timeout aio_cancel and a wait until aio_error is no longer
EINPROGRESS before aio_return and free), liburing (io_uring_get_sqe,
io_uring_prep_read/recv, io_uring_submit, io_uring_wait_cqe_timeout,
io_uring_cqe_seen on a `struct io_uring *` parameter, and on a failed wait
io_uring_prep_cancel and a reap of both completions), orchestrators over
those, and cco (coroutine bodies spawned with cco_spawn that write one
message in two cco_writes under a shield or close the stream on failure,
take a cco_mutex with the result checked, sleep with cco_sleep; the root
that spawns and joins them, checking cco_join; a function that runs the
root with cco_exec_run).

About 7% of the worker functions contain a real bug: a cancellation point
(read, pthread_cond_wait, or a helper that reads) reached with a mutex held
and no cleanup handler; an AIO or io_uring buffer released or left on a
timeout path before its completion is reaped (cancel-lent-buffer); a
message cut by a suspend point between its two writes (cancel-split-write);
a cco_mutex_lock result cast to void (cancel-discarded-op); sleep() or
usleep() in a coroutine (blocking-in-coroutine).  The async templates' bugs
come at a fixed cadence (the 2nd, 10th, 18th, ... of each kind), so a
20,000-line file has one of each.  Each buggy function is marked with a
comment "expected finding" (the new ones name their check); the counts per
check are printed to stderr.
"""

import argparse
import random
import sys

GEN_VERSION = 2
DEFAULT_LINES = 200000
DEFAULT_SEED = 20240917

PROLOGUE = """\
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <aio.h>
#include <liburing.h>
#include <cco.h>

#define BENCH_QCAP 32
#define BENCH_NSTATS 8

/* Cleanup handlers shared by every module. */
void bench_unlock_cb(void *arg)
{
	pthread_mutex_unlock((pthread_mutex_t *)arg);
}

void bench_close_cb(void *arg)
{
	int *fdp = arg;

	if (*fdp >= 0) {
		close(*fdp);
		*fdp = -1;
	}
}

/* Cancels an AIO request and waits until the kernel is done with it. */
void bench_aio_cancel_cb(void *arg)
{
	struct aiocb *cb = arg;
	const struct aiocb *list[1] = { cb };

	aio_cancel(cb->aio_fildes, cb);
	while (aio_error(cb) == EINPROGRESS)
		aio_suspend(list, 1, NULL);
	aio_return(cb);
}

/* What a module's coroutines share: the stream they write, the lock of
 * their counter, their deadline. */
struct bench_cojob {
	int fd;
	cco_mutex *mu;
	long total;
	int64_t deadline;
};
"""


class Fn:
    """A generated worker: name, return kind ('long'|'int'|'str') and
    parameter kinds ('q', 'fd', 'path', 'int', 'size')."""

    def __init__(self, name, ret, params):
        self.name = name
        self.ret = ret
        self.params = params


F = object()  # filler slot marker in templates


class Module:
    def __init__(self, gen, m):
        self.gen = gen
        self.rng = gen.rng
        self.m = m
        self.S = "struct wq%d" % m
        self.p = "m%d_" % m
        self.fns = []
        self.used = set()
        self.nfn = 0
        # the asynchronous-I/O and coroutine templates: their own callable
        # workers and numbering, so the classic workload is unchanged
        self.afns = []
        self.nafn = 0

    # -- small pieces -------------------------------------------------------

    def seed(self):
        return str(self.rng.randint(1, 9999))

    def k(self):
        return str(self.rng.randint(0, 7))

    def helper(self, name):
        self.used.add(name)
        return self.p + name

    def fresh(self, stem):
        self.nfn += 1
        return "%s%s_%d" % (self.p, stem, self.nfn)

    def afresh(self, stem):
        """A name for the async templates (stems distinct from fresh's)."""
        self.nafn += 1
        return "%s%s_%d" % (self.p, stem, self.nafn)

    # -- fixed per-module prologue -------------------------------------------

    def header(self):
        S, p, r = self.S, self.p, self.rng
        return """
/* ---- module %(m)d ---------------------------------------------------- */

%(S)s {
	pthread_mutex_t mu;
	pthread_cond_t nonempty;
	pthread_cond_t nonfull;
	int head;
	int tail;
	int count;
	int closed;
	long stats[BENCH_NSTATS];
	char *items[BENCH_QCAP];
};

static void %(p)slock(%(S)s *q)
{
	pthread_mutex_lock(&q->mu);
}

static void %(p)sunlock(%(S)s *q)
{
	pthread_mutex_unlock(&q->mu);
}

static long %(p)smix(long a, int k)
{
	long r = a ^ (long)k * %(c1)dL;

	return r < 0 ? -r : r + k;
}

static ssize_t %(p)sread_full(int fd, char *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, buf + got, len - got);
		if (n <= 0)
			return n < 0 ? -1 : (ssize_t)got;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/* Caller holds q->mu. */
static int %(p)swait_item(%(S)s *q)
{
	while (q->count == 0 && !q->closed)
		pthread_cond_wait(&q->nonempty, &q->mu);
	return q->count > 0;
}

/* Caller holds q->mu and q->count > 0. */
static char *%(p)stake(%(S)s *q)
{
	char *item = q->items[q->head];

	q->head = (q->head + 1) %% BENCH_QCAP;
	q->count--;
	pthread_cond_signal(&q->nonfull);
	return item;
}

static unsigned %(p)schecksum(const char *buf, size_t len)
{
	unsigned h = %(c2)du;

	for (size_t i = 0; i < len; i++)
		h = h * 31u + (unsigned char)buf[i];
	return h;
}

void %(p)sinit(%(S)s *q)
{
	memset(q, 0, sizeof(*q));
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->nonempty, NULL);
	pthread_cond_init(&q->nonfull, NULL);
}

void %(p)sclose(%(S)s *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = 1;
	pthread_cond_broadcast(&q->nonempty);
	pthread_cond_broadcast(&q->nonfull);
	pthread_mutex_unlock(&q->mu);
}
""" % {"m": self.m, "S": S, "p": p,
       "c1": r.randint(3, 99991), "c2": r.randint(1, 2166136261)}

    # -- filler: pure computation on `acc` --------------------------------

    def filler(self):
        r = self.rng
        kind = r.randrange(9)
        n1, n2, n3 = r.randint(2, 40), r.randint(3, 97), r.randint(2, 9)
        if kind == 0:
            return [
                "for (int i = 0; i < %d; i++) {" % n1,
                "\tif ((acc + i) %% %d == 0)" % n3,
                "\t\tacc += i * %d;" % n2,
                "\telse",
                "\t\tacc ^= i;",
                "}",
            ]
        if kind == 1:
            return [
                "{",
                "\tint left = %d;" % n1,
                "",
                "\twhile (left-- > 0 && acc < %dL)" % (n2 * 100003),
                "\t\tacc = acc * %d + left;" % n3,
                "}",
            ]
        if kind == 2:
            return [
                "{",
                "\tunsigned spin = %du;" % n1,
                "",
                "\tdo {",
                "\t\tacc += (long)(spin & %du);" % n2,
                "\t\tspin >>= 1;",
                "\t} while (spin != 0);",
                "}",
            ]
        if kind == 3:
            return [
                "switch (acc & 3) {",
                "case 0:",
                "\tacc += %d;" % n2,
                "\t__attribute__((fallthrough));",
                "case 1:",
                "\tacc *= %d;" % n3,
                "\tbreak;",
                "case 2:",
                "\tacc -= %d;" % n1,
                "\tbreak;",
                "default:",
                "\tacc = ~acc;",
                "\tbreak;",
                "}",
            ]
        if kind == 4:
            return [
                "acc = (acc > %d && (acc & 1)) ? acc / 2 : acc + %d;" % (n2, n1),
                "if (acc < 0 || acc > %dL)" % (n2 * 1000003),
                "\tacc %%= %d;" % (n2 * 101 + 1),
            ]
        if kind == 5:
            return [
                "if (acc %% %d == 0) {" % n3,
                "\tacc += %d;" % n2,
                "} else if (acc %% %d == 1) {" % n3,
                "\tacc -= %d;" % n1,
                "} else {",
                "\tacc = acc * 2 + 1;",
                "}",
            ]
        if kind == 6:
            return [
                "acc = %s(acc, %d);" % (self.helper("mix"), n2),
                "if (acc > %dL && acc %% 2 == 0)" % (n1 * 7919),
                "\tacc = %s(acc / 2, %d);" % (self.helper("mix"), n3),
            ]
        if kind == 7:
            return [
                "{",
                "\tchar tmp[%d];" % (n1 + 8),
                "",
                "\tmemset(tmp, 'a' + (int)(acc & 7), sizeof(tmp) - 1);",
                "\ttmp[sizeof(tmp) - 1] = '\\0';",
                "\tacc += (long)strlen(tmp) + (long)%s(tmp, sizeof(tmp) - 1);"
                % self.helper("checksum"),
                "}",
            ]
        return [
            "{",
            "\tlong v[%d];" % n3,
            "",
            "\tfor (int j = 0; j < %d; j++)" % n3,
            "\t\tv[j] = acc + j * %d;" % n2,
            "\tfor (int j = %d; j > 0; j--)" % (n3 - 1),
            "\t\tacc += v[j] > v[j - 1] ? v[j] - v[j - 1] : 1;",
            "}",
        ]

    def render(self, body, lo=22, hi=80):
        """Expand filler slots in `body` (list of str or (F, indent)) so the
        function ends up roughly rng.randint(lo, hi) lines long."""
        slots = [i for i, x in enumerate(body) if isinstance(x, tuple)]
        base = len(body) - len(slots)
        target = self.rng.randint(lo, hi)
        fills = {i: [] for i in slots}
        budget = target - base
        while slots and budget >= 3:
            used = set(self.used)
            blk = self.filler()
            if len(blk) > budget:
                # dropped: the helpers it named are not used after all
                self.used = used
                if budget < 8:
                    break
                continue
            fills[self.rng.choice(slots)].extend(blk)
            budget -= len(blk)
        out = []
        for i, x in enumerate(body):
            if isinstance(x, tuple):
                ind = "\t" * x[1]
                out.extend((ind + l) if l else "" for l in fills[i])
            else:
                out.append(x)
        return out

    # -- worker templates --------------------------------------------------

    def w_consume(self):
        S, name = self.S, self.fresh("consume")
        self.fns.append(Fn(name, "long", ["q"]))
        return self.render([
            "long %s(%s *q)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tchar *item = NULL;",
            "",
            (F, 1),
            "\tpthread_mutex_lock(&q->mu);",
            "\tpthread_cleanup_push(bench_unlock_cb, &q->mu);",
            "\twhile (q->count == 0 && !q->closed)",
            "\t\tpthread_cond_wait(&q->nonempty, &q->mu);",
            "\tif (q->count > 0)",
            "\t\titem = %s(q);" % self.helper("take"),
            "\tpthread_cleanup_pop(1);",
            "\tif (item != NULL) {",
            "\t\tacc += (long)%s(item, strlen(item));" % self.helper("checksum"),
            "\t\tfree(item);",
            "\t}",
            (F, 1),
            "\treturn acc;",
            "}",
        ])

    def w_produce(self):
        S, name = self.S, self.fresh("produce")
        self.fns.append(Fn(name, "int", ["q", "path"]))
        return self.render([
            "int %s(%s *q, const char *text)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tsize_t len = strlen(text);",
            "\tchar *copy = malloc(len + 1);",
            "\tint ok = 0;",
            "",
            "\tif (copy == NULL)",
            "\t\treturn -1;",
            "\tmemcpy(copy, text, len + 1);",
            (F, 1),
            "\tpthread_cleanup_push(free, copy);",
            "\tpthread_mutex_lock(&q->mu);",
            "\tpthread_cleanup_push(bench_unlock_cb, &q->mu);",
            "\twhile (q->count == BENCH_QCAP && !q->closed)",
            "\t\tpthread_cond_wait(&q->nonfull, &q->mu);",
            "\tif (!q->closed) {",
            "\t\tq->items[q->tail] = copy;",
            "\t\tq->tail = (q->tail + 1) % BENCH_QCAP;",
            "\t\tq->count++;",
            "\t\tq->stats[%s] += acc;" % self.k(),
            "\t\tpthread_cond_signal(&q->nonempty);",
            "\t\tok = 1;",
            "\t}",
            "\tpthread_cleanup_pop(1);",
            "\tpthread_cleanup_pop(!ok);",
            "\treturn ok ? 0 : -1;",
            "}",
        ])

    def w_load(self):
        name = self.fresh("load")
        self.fns.append(Fn(name, "long", ["path", "size"]))
        return self.render([
            "long %s(const char *path, size_t limit)" % name,
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tint fd = open(path, O_RDONLY | O_CLOEXEC);",
            "\tchar *buf;",
            "\tssize_t n;",
            "",
            "\tif (fd < 0)",
            "\t\treturn -1;",
            "\tpthread_cleanup_push(bench_close_cb, &fd);",
            "\tbuf = malloc(limit + 1);",
            "\tif (buf != NULL) {",
            "\t\tpthread_cleanup_push(free, buf);",
            "\t\tn = %s(fd, buf, limit);" % self.helper("read_full"),
            "\t\tif (n > 0) {",
            "\t\t\tbuf[n] = '\\0';",
            "\t\t\tacc += (long)%s(buf, (size_t)n);" % self.helper("checksum"),
            "\t\t}",
            (F, 2),
            "\t\tpthread_cleanup_pop(1);",
            "\t}",
            "\tpthread_cleanup_pop(1);",
            "\treturn acc;",
            "}",
        ])

    def w_copy(self):
        name = self.fresh("copy")
        self.fns.append(Fn(name, "int", ["path", "path"]))
        bs = self.rng.choice([512, 1024, 4096, 8192])
        return self.render([
            "int %s(const char *src, const char *dst)" % name,
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tint in = -1, out = -1, rc = -1, oldstate;",
            "\tchar *buf = NULL;",
            "",
            "\tpthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &oldstate);",
            "\tin = open(src, O_RDONLY);",
            "\tif (in < 0)",
            "\t\tgoto cleanup;",
            "\tout = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);",
            "\tif (out < 0)",
            "\t\tgoto cleanup;",
            "\tbuf = malloc(%d);" % bs,
            "\tif (buf == NULL)",
            "\t\tgoto cleanup;",
            "\tfor (;;) {",
            "\t\tssize_t n = read(in, buf, %d);" % bs,
            "\t\tif (n < 0)",
            "\t\t\tgoto cleanup;",
            "\t\tif (n == 0)",
            "\t\t\tbreak;",
            "\t\tif (write(out, buf, (size_t)n) != n)",
            "\t\t\tgoto cleanup;",
            "\t\tacc += n;",
            "\t}",
            (F, 1),
            "\trc = acc > 0 ? 0 : 1;",
            "cleanup:",
            "\tfree(buf);",
            "\tif (out >= 0)",
            "\t\tclose(out);",
            "\tif (in >= 0)",
            "\t\tclose(in);",
            "\tpthread_setcancelstate(oldstate, NULL);",
            "\treturn rc;",
            "}",
        ])

    def w_account(self):
        S, name = self.S, self.fresh("account")
        self.fns.append(Fn(name, "long", ["q", "int"]))
        return self.render([
            "long %s(%s *q, int kind)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "",
            "\tpthread_mutex_lock(&q->mu);",
            "\tswitch (kind) {",
            "\tcase 0:",
            "\t\tq->stats[0]++;",
            "\t\t__attribute__((fallthrough));",
            "\tcase 1:",
            "\t\tq->stats[1] += q->count;",
            "\t\tbreak;",
            "\tcase 2:",
            "\tcase 3:",
            "\t\tq->stats[kind] = q->closed ? 0 : q->stats[kind] + 1;",
            "\t\tbreak;",
            "\tdefault:",
            "\t\tacc = -acc;",
            "\t\tbreak;",
            "\t}",
            (F, 1),
            "\tq->stats[%s] += acc;" % self.k(),
            "\tpthread_mutex_unlock(&q->mu);",
            "\treturn acc;",
            "}",
        ])

    def w_drain(self):
        S, name = self.S, self.fresh("drain")
        self.fns.append(Fn(name, "long", ["q", "int"]))
        return self.render([
            "long %s(%s *q, int max)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tint taken = 0;",
            "",
            "\t%s(q);" % self.helper("lock"),
            "\tpthread_cleanup_push(bench_unlock_cb, &q->mu);",
            "\twhile (taken < max && %s(q)) {" % self.helper("wait_item"),
            "\t\tchar *item = %s(q);" % self.helper("take"),
            "",
            "\t\tacc += item != NULL ? (long)strlen(item) : 0;",
            "\t\tfree(item);",
            "\t\ttaken++;",
            "\t}",
            "\tpthread_cleanup_pop(1);",
            (F, 1),
            "\treturn acc + taken;",
            "}",
        ])

    def w_report(self):
        name = self.fresh("report")
        self.fns.append(Fn(name, "int", ["fd", "path", "long"]))
        return self.render([
            "int %s(int fd, const char *tag, long value)" % name,
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tchar line[128];",
            "\tint len;",
            "",
            (F, 1),
            "\tlen = snprintf(line, sizeof(line), \"%s: %ld/%ld\\n\",",
            "\t\t       tag != NULL && *tag ? tag : \"m%d\", value, acc);" % self.m,
            "\tif (len < 0 || (size_t)len >= sizeof(line))",
            "\t\treturn -1;",
            "\treturn write(fd, line, (size_t)len) == len ? 0 : -1;",
            "}",
        ])

    def w_snapshot(self):
        S, name = self.S, self.fresh("snapshot")
        self.fns.append(Fn(name, "long", ["q", "fd"]))
        sz = self.rng.choice([64, 128, 256, 512])
        return self.render([
            "long %s(%s *q, int fd)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tchar buf[%d];" % sz,
            "\tssize_t n;",
            "\tint oldstate;",
            "",
            "\tpthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &oldstate);",
            "\tpthread_mutex_lock(&q->mu);",
            "\tn = read(fd, buf, sizeof(buf));",
            "\tif (n > 0)",
            "\t\tq->stats[%s] += (long)%s(buf, (size_t)n);"
            % (self.k(), self.helper("checksum")),
            (F, 1),
            "\tq->stats[%s] += acc;" % self.k(),
            "\tpthread_mutex_unlock(&q->mu);",
            "\tpthread_setcancelstate(oldstate, NULL);",
            "\treturn acc + (n > 0 ? n : 0);",
            "}",
        ])

    def w_guarded_read(self):
        S, name = self.S, self.fresh("fetch")
        self.fns.append(Fn(name, "long", ["q", "fd"]))
        sz = self.rng.choice([64, 128, 256, 512])
        return self.render([
            "long %s(%s *q, int fd)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tchar buf[%d];" % sz,
            "\tssize_t n;",
            "",
            "\tpthread_mutex_lock(&q->mu);",
            "\tpthread_cleanup_push(bench_unlock_cb, &q->mu);",
            "\tn = read(fd, buf, sizeof(buf));",
            "\tif (n > 0 && !q->closed)",
            "\t\tacc += (long)%s(buf, (size_t)n);" % self.helper("checksum"),
            "\telse if (n < 0 || q->closed)",
            "\t\tacc = -1;",
            (F, 1),
            "\tpthread_cleanup_pop(1);",
            "\treturn acc;",
            "}",
        ])

    def w_send(self):
        name = self.fresh("send")
        self.fns.append(Fn(name, "int", ["fd", "path"]))
        return self.render([
            "int %s(int fd, const char *msg)" % name,
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tsize_t len = strlen(msg), off = 0;",
            "\tint retries = %d;" % self.rng.randint(2, 9),
            "",
            (F, 1),
            "\tdo {",
            "\t\tssize_t n = write(fd, msg + off, len - off);",
            "",
            "\t\tif (n > 0)",
            "\t\t\toff += (size_t)n;",
            "\t\telse if (n == 0 || retries-- <= 0)",
            "\t\t\tbreak;",
            "\t} while (off < len);",
            "\treturn off == len ? (int)(acc & 0x7f) : -1;",
            "}",
        ])

    # -- buggy templates ---------------------------------------------------

    def b_locked_read(self):
        S, name = self.S, self.fresh("refill")
        self.fns.append(Fn(name, "long", ["q", "fd"]))
        self.mark("cancel-held-guard")
        sz = self.rng.choice([64, 128, 256])
        return self.render([
            "long %s(%s *q, int fd)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tchar buf[%d];" % sz,
            "\tssize_t n;",
            "",
            "\tpthread_mutex_lock(&q->mu);",
            "\tn = read(fd, buf, sizeof(buf)); /* expected finding: q->mu held */",
            "\tif (n > 0) {",
            "\t\tacc += (long)%s(buf, (size_t)n);" % self.helper("checksum"),
            "\t\tq->stats[%s] += n;" % self.k(),
            "\t}",
            (F, 1),
            "\tpthread_mutex_unlock(&q->mu);",
            "\treturn acc;",
            "}",
        ])

    def b_helper_read(self):
        S, name = self.S, self.fresh("sync")
        self.fns.append(Fn(name, "long", ["q", "fd"]))
        self.mark("cancel-held-guard")
        sz = self.rng.choice([256, 1024, 4096])
        return self.render([
            "long %s(%s *q, int fd)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tchar *buf = malloc(%d);" % sz,
            "",
            "\tif (buf == NULL)",
            "\t\treturn -1;",
            "\t%s(q);" % self.helper("lock"),
            "\tif (%s(fd, buf, %d) > 0) /* expected finding: q->mu held */"
            % (self.helper("read_full"), sz),
            "\t\tacc += (long)%s(buf, %d);" % (self.helper("checksum"), sz),
            (F, 1),
            "\t%s(q);" % self.helper("unlock"),
            "\tfree(buf);",
            "\treturn acc;",
            "}",
        ])

    def b_bare_wait(self):
        S, name = self.S, self.fresh("pop")
        self.fns.append(Fn(name, "str", ["q"]))
        self.mark("cancel-held-guard")
        return self.render([
            "char *%s(%s *q)" % (name, S),
            "{",
            "\tlong acc = %s;" % self.seed(),
            "\tchar *item = NULL;",
            "",
            (F, 1),
            "\tpthread_mutex_lock(&q->mu);",
            "\twhile (q->count == 0 && !q->closed)",
            "\t\tpthread_cond_wait(&q->nonempty, &q->mu); /* expected finding */",
            "\tif (q->count > 0)",
            "\t\titem = %s(q);" % self.helper("take"),
            "\tq->stats[%s] += acc;" % self.k(),
            "\tpthread_mutex_unlock(&q->mu);",
            "\treturn item;",
            "}",
        ])

    # -- asynchronous I/O and coroutine templates ------------------------

    def due(self, kind, every=8):
        """Whether this instance of `kind` is the buggy one: the 2nd, then
        every `every`-th, of the file (so small files have some too)."""
        n = self.gen.cadence.get(kind, 0)
        self.gen.cadence[kind] = n + 1
        return n % every == 1

    def mark(self, check):
        """Count one buggy function, expected to be found by `check`."""
        self.gen.bugs += 1
        self.gen.bug_checks[check] = self.gen.bug_checks.get(check, 0) + 1
        return "/* expected finding: %s */" % check

    def w_aio(self):
        """aio_read or aio_write with a stack or heap aiocb and buffer,
        aio_suspend with a timeout, then aio_return.  Cancellation is
        disabled around the wait (aio_suspend is a cancellation point), or a
        cleanup handler cancels the request and waits for it.  On timeout
        the correct form cancels, waits until aio_error is no longer
        EINPROGRESS, reaps and only then frees; the buggy form returns or
        frees first."""
        r = self.rng
        bug = self.due("aio")
        write = r.random() < 0.4
        # where the aiocb and the buffer live: stack/stack, stack/heap, heap/heap
        cbk, bufk = r.choice([("stack", "stack"), ("stack", "stack"),
                              ("stack", "heap"), ("heap", "heap")])
        handler = cbk == "stack" and bufk == "stack" and not bug \
            and r.random() < 0.5
        name = self.afresh("awrite" if write else "aread")
        sz = r.choice([128, 256, 512, 1024, 4096])
        ns = r.choice([1, 2, 5, 10, 50]) * 1000000
        cb = "&cb" if cbk == "stack" else "cb"
        m = "cb." if cbk == "stack" else "cb->"
        if write:
            self.afns.append(Fn(name, "int", ["fd", "path"]))
            sig = "int %s(int fd, const char *text)" % name
        else:
            self.afns.append(Fn(name, "long", ["fd"]))
            sig = "long %s(int fd)" % name
        body = [sig, "{", "\tlong acc = %s;" % self.seed()]
        if write:
            body.append("\tsize_t len = strlen(text);")
        if bufk == "stack":
            body.append("\tchar buf[%d];" % sz)
        else:
            body.append("\tchar *buf = malloc(%s);" % ("len + 1" if write else sz))
        if cbk == "stack":
            body.append("\tstruct aiocb cb;")
        else:
            body.append("\tstruct aiocb *cb = calloc(1, sizeof(*cb));")
        body += ["\tconst struct aiocb *list[1];",
                 "\tstruct timespec ts = { 0, %d };" % ns,
                 "\tssize_t got = -1;"]
        if not handler:
            body.append("\tint oldstate;")
        body.append("")
        frees = []
        if bufk == "heap":
            frees.append("free(buf);")
        if cbk == "heap":
            frees.append("free(cb);")
        if frees:
            cond = " || ".join(x for x in (
                "cb == NULL" if cbk == "heap" else "",
                "buf == NULL") if x)
            if len(frees) == 1:
                body += ["\tif (%s)" % cond, "\t\treturn -1;"]
            else:
                body += ["\tif (%s) {" % cond]
                body += ["\t\t" + f for f in frees]
                body += ["\t\treturn -1;", "\t}"]
        if cbk == "stack":
            body.append("\tmemset(&cb, 0, sizeof(cb));")
        if write:
            if bufk == "stack":
                body += ["\tif (len > sizeof(buf))", "\t\tlen = sizeof(buf);",
                         "\tmemcpy(buf, text, len);"]
            else:
                body.append("\tmemcpy(buf, text, len + 1);")
        else:
            body.append((F, 1))
        nbytes = ("len" if write else
                  ("sizeof(buf)" if bufk == "stack" else str(sz)))
        body += ["\t%saio_fildes = fd;" % m,
                 "\t%saio_buf = buf;" % m,
                 "\t%saio_nbytes = %s;" % (m, nbytes)]
        if r.random() < 0.5:
            body.append("\t%saio_offset = (off_t)(acc & 0xfff) * %d;" % (m, sz))
        if handler:
            body += ["\tif (%s(%s) != 0)" % ("aio_write" if write else "aio_read", cb),
                     "\t\treturn -1;",
                     "\tlist[0] = %s;" % cb,
                     "\tpthread_cleanup_push(bench_aio_cancel_cb, %s);" % cb,
                     (F, 1),
                     "\tif (aio_suspend(list, 1, &ts) != 0) {",
                     "\t\taio_cancel(fd, %s);" % cb,
                     "\t\twhile (aio_error(%s) == EINPROGRESS)" % cb,
                     "\t\t\taio_suspend(list, 1, NULL);",
                     "\t}",
                     "\tgot = aio_return(%s);" % cb,
                     "\tpthread_cleanup_pop(0);"]
        else:
            body.append("\tpthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &oldstate);")
            body.append("\tif (%s(%s) != 0) {" % ("aio_write" if write else "aio_read", cb))
            body.append("\t\tpthread_setcancelstate(oldstate, NULL);")
            body += ["\t\t" + f for f in frees]
            body += ["\t\treturn -1;", "\t}",
                     "\tlist[0] = %s;" % cb,
                     (F, 1),
                     "\tif (aio_suspend(list, 1, &ts) != 0) {"]
            if bug:
                note = self.mark("cancel-lent-buffer")
                body.append("\t\tpthread_setcancelstate(oldstate, NULL);")
                if frees:
                    body.append("\t\t%s %s" % (frees[0], note))
                    body += ["\t\t" + f for f in frees[1:]]
                    body.append("\t\treturn -1;")
                else:
                    body.append("\t\treturn -1; %s" % note)
            else:
                body += ["\t\taio_cancel(fd, %s);" % cb,
                         "\t\twhile (aio_error(%s) == EINPROGRESS)" % cb,
                         "\t\t\taio_suspend(list, 1, NULL);"]
            body += ["\t}",
                     "\tgot = aio_return(%s);" % cb,
                     "\tpthread_setcancelstate(oldstate, NULL);"]
        if write:
            body.append("\tacc += got == (ssize_t)len ? 1 : -1;")
        else:
            body += ["\tif (got > 0)",
                     "\t\tacc += (long)%s(buf, (size_t)got);" % self.helper("checksum")]
        body.append((F, 1))
        body += ["\t" + f for f in frees]
        if write:
            body.append("\treturn got < 0 ? -1 : (int)(acc & 0x7f);")
        else:
            body.append("\treturn got < 0 ? -1 : acc;")
        body.append("}")
        return self.render(body, 40, 90)

    def w_uring(self):
        """A read or recv on a `struct io_uring *`: get an sqe, prepare,
        submit, io_uring_wait_cqe_timeout, io_uring_cqe_seen.  On timeout
        (or any failed wait) the correct form asks the kernel to cancel
        (io_uring_prep_cancel on the read's user data) and reaps
        (io_uring_wait_cqe + io_uring_cqe_seen) before the buffer goes; the
        buggy form returns, or frees the heap buffer, on -ETIME."""
        r = self.rng
        bug = self.due("uring")
        recv = r.random() < 0.4
        heap = r.random() < 0.4
        name = self.afresh("urecv" if recv else "uread")
        self.afns.append(Fn(name, "long", ["ring", "fd"]))
        sz = r.choice([64, 128, 256, 512, 1024, 4096])
        size = "sizeof(buf)" if not heap else str(sz)
        ts = (r.randint(0, 1), r.choice([0, 1, 5, 20, 100]) * 1000000)
        body = ["long %s(struct io_uring *ring, int fd)" % name,
                "{",
                "\tlong acc = %s;" % self.seed(),
                "\tchar buf[%d];" % sz if not heap else
                "\tchar *buf = malloc(%d);" % sz,
                "\tstruct io_uring_sqe *sqe;",
                "\tstruct io_uring_cqe *cqe;",
                "\tstruct __kernel_timespec ts = { .tv_sec = %d, .tv_nsec = %d };" % ts,
                "\tint rc;",
                ""]
        fr = ["\t\tfree(buf);"] if heap else []
        if heap:
            body += ["\tif (buf == NULL)", "\t\treturn -ENOMEM;"]
        body += [(F, 1), "\tsqe = io_uring_get_sqe(ring);"]
        if heap:
            body += ["\tif (sqe == NULL) {", "\t\tfree(buf);",
                     "\t\treturn -EBUSY;", "\t}"]
        else:
            body += ["\tif (sqe == NULL)", "\t\treturn -EBUSY;"]
        if recv:
            body.append("\tio_uring_prep_recv(sqe, fd, buf, %s, 0);" % size)
        else:
            body.append("\tio_uring_prep_read(sqe, fd, buf, %s, %d);"
                        % (size, r.choice([0, 0, sz])))
        body += ["\tio_uring_sqe_set_data(sqe, buf);",
                 "\tio_uring_submit(ring);",
                 (F, 1),
                 "\trc = io_uring_wait_cqe_timeout(ring, &cqe, &ts);"]
        if bug:
            note = self.mark("cancel-lent-buffer")
            if heap:
                body += ["\tif (rc == -ETIME) {",
                         "\t\tfree(buf); %s" % note,
                         "\t\treturn rc;",
                         "\t}"]
            else:
                body += ["\tif (rc == -ETIME)",
                         "\t\treturn rc; %s" % note]
        # the read's completion and the cancel request's own
        body += ["\tif (rc < 0) {",
                 "\t\tint pending = 1;",
                 "",
                 "\t\tsqe = io_uring_get_sqe(ring);",
                 "\t\tif (sqe != NULL) {",
                 "\t\t\tio_uring_prep_cancel(sqe, buf, 0);",
                 "\t\t\tio_uring_submit(ring);",
                 "\t\t\tpending = 2;",
                 "\t\t}",
                 "\t\twhile (pending > 0) {",
                 "\t\t\tif (io_uring_wait_cqe(ring, &cqe) != 0)",
                 "\t\t\t\tcontinue;",
                 "\t\t\tio_uring_cqe_seen(ring, cqe);",
                 "\t\t\tpending--;",
                 "\t\t}"]
        body += fr
        body += ["\t\treturn rc;",
                 "\t}",
                 "\trc = cqe->res;",
                 "\tio_uring_cqe_seen(ring, cqe);",
                 "\tif (rc > 0)",
                 "\t\tacc += (long)%s(buf, (size_t)rc);" % self.helper("checksum"),
                 (F, 1)]
        if heap:
            body.append("\tfree(buf);")
        body += ["\treturn rc < 0 ? rc : acc;", "}"]
        return self.render(body, 36, 80)

    # cco: a group of coroutine bodies, the root that spawns and joins
    # them, and a plain function that runs the root on an executor.  The
    # bodies have external linkage like every worker (a static body's
    # split write is reported at its callers, and a spawned body has none).

    def co_frame(self):
        """One message (header + payload) in two cco_writes: shielded, or
        the stream closed on the failure path; buggy: neither."""
        r = self.rng
        name = self.afresh("co_frame")
        bug = self.due("co_frame")
        how = "bug" if bug else r.choice(["shield", "shield", "close"])
        hsz, psz = r.choice([4, 8, 16]), r.choice([32, 64, 128, 256])
        body = ["int64_t %s(void *arg)" % name,
                "{",
                "\tstruct bench_cojob *job = arg;",
                "\tint64_t acc = %s;" % self.seed(),
                "\tchar hdr[%d];" % hsz,
                "\tchar payload[%d];" % psz,
                "\tint rc = 0;",
                "",
                (F, 1),
                "\tmemset(payload, 'a' + (int)(acc & 7), sizeof(payload));",
                "\tmemcpy(hdr, &acc, sizeof(hdr) < sizeof(acc) ? sizeof(hdr) : sizeof(acc));"]
        w1 = "cco_write(job->fd, hdr, sizeof(hdr), job->deadline) < 0"
        w2 = "cco_write(job->fd, payload, sizeof(payload), job->deadline) < 0"
        if how == "shield":
            body += ["\tcco_shield_begin();",
                     "\tif (%s ||" % w1,
                     "\t    %s)" % w2,
                     "\t\trc = -EIO;",
                     "\tcco_shield_end();"]
        elif how == "close":
            body += ["\tif (%s ||" % w1,
                     "\t    %s) {" % w2,
                     "\t\tcco_close(job->fd);",
                     "\t\treturn -EIO;",
                     "\t}"]
        else:
            note = self.mark("cancel-split-write")
            body += ["\tif (%s)" % w1,
                     "\t\treturn -EIO;",
                     "\tif (%s) %s" % (w2, note),
                     "\t\treturn -EIO;"]
        body += [(F, 1), "\treturn rc < 0 ? rc : acc;", "}"]
        return name, self.render(body, 24, 50)

    def co_count(self):
        """Adds to the shared counter under the cco_mutex, the lock's
        result checked (or held by a CCO_UNLOCK_ON_EXIT variable); buggy:
        the result cast to void."""
        r = self.rng
        name = self.afresh("co_count")
        bug = self.due("co_count")
        how = "bug" if bug else r.choice(["check", "check", "scoped"])
        body = ["int64_t %s(void *arg)" % name,
                "{",
                "\tstruct bench_cojob *job = arg;",
                "\tint64_t acc = %s;" % self.seed(),
                "\tint rc;",
                "",
                (F, 1)]
        if how == "check":
            body += ["\trc = cco_mutex_lock(job->mu, job->deadline);",
                     "\tif (rc < 0)",
                     "\t\treturn rc;",
                     "\tjob->total += acc;",
                     "\tacc = job->total;",
                     "\tcco_mutex_unlock(job->mu);"]
        elif how == "scoped":
            body += ["\trc = cco_mutex_lock(job->mu, job->deadline);",
                     "\tif (rc < 0)",
                     "\t\treturn rc;",
                     "\tcco_mutex *held CCO_UNLOCK_ON_EXIT = job->mu;",
                     "",
                     "\tjob->total += acc;",
                     "\tif (job->total < 0)",
                     "\t\treturn -ERANGE;",
                     "\tacc = job->total;"]
        else:
            note = self.mark("cancel-discarded-op")
            body += ["\t(void)cco_mutex_lock(job->mu, job->deadline); %s" % note,
                     "\tjob->total += acc;",
                     "\tcco_mutex_unlock(job->mu);",
                     "\trc = 0;"]
        body += [(F, 1),
                 "\tif (cco_sleep(cco_now() + %d * CCO_MSEC) < 0)" % r.randint(1, 20),
                 "\t\treturn -ECANCELED;",
                 "\treturn rc < 0 ? rc : acc;",
                 "}"]
        return name, self.render(body, 22, 50)

    def co_tick(self):
        """A ticker: cco_sleep between rounds; buggy: sleep() or usleep(),
        which block the executor's thread."""
        r = self.rng
        name = self.afresh("co_tick")
        bug = self.due("co_tick")
        rounds = r.randint(2, 9)
        body = ["int64_t %s(void *arg)" % name,
                "{",
                "\tstruct bench_cojob *job = arg;",
                "\tint64_t acc = %s;" % self.seed(),
                "",
                "\tfor (int i = 0; i < %d; i++) {" % rounds]
        if bug:
            note = self.mark("blocking-in-coroutine")
            call = r.choice(["sleep(1)", "usleep(%d)" % (r.randint(1, 50) * 1000)])
            body.append("\t\t%s; %s" % (call, note))
        else:
            body += ["\t\tif (cco_sleep(cco_now() + %d * CCO_MSEC) < 0)"
                     % r.randint(1, 50),
                     "\t\t\treturn -ECANCELED;"]
        body += [(F, 2),
                 "\t\tacc += i;",
                 "\t}",
                 "\tjob->total += acc;",
                 "\treturn acc;",
                 "}"]
        return name, self.render(body, 16, 40)

    def w_cco(self):
        """Three or four bodies (one of each kind, maybe one more), their
        root, and co_start, which runs the root on an executor."""
        r = self.rng
        parts, bodies = [], []
        kinds = [self.co_frame, self.co_count, self.co_tick]
        if r.random() < 0.5:
            kinds.append(r.choice(kinds))
        r.shuffle(kinds)
        for kind in kinds:
            fname, lines = kind()
            bodies.append(fname)
            parts += lines + [""]
        root = self.afresh("co_main")
        n = len(bodies)
        body = ["int64_t %s(void *arg)" % root,
                "{",
                "\tstruct bench_cojob job;",
                "\tstruct cco_exit ex;",
                "\tcco_scope *s;",
                "\tcco_co *co[%d];" % n,
                "\tint64_t acc = %s;" % self.seed(),
                "\tint n = 0, rc;",
                "",
                "\tmemset(&job, 0, sizeof(job));",
                "\tjob.fd = *(int *)arg;",
                "\tjob.deadline = cco_now() + %d * CCO_MSEC;" % r.randint(5, 500),
                "\tjob.mu = cco_mutex_new();",
                "\tif (job.mu == NULL)",
                "\t\treturn -ENOMEM;",
                "\ts = cco_scope_open();",
                "\tif (s == NULL) {",
                "\t\tcco_mutex_free(job.mu);",
                "\t\treturn -ENOMEM;",
                "\t}"]
        for b in bodies:
            body += ["\tif (cco_spawn(s, %s, &job, &co[n]) == 0)" % b,
                     "\t\tn++;"]
        body += [(F, 1),
                 "\tfor (int i = 0; i < n; i++) {",
                 "\t\trc = cco_join(co[i], &ex, job.deadline);",
                 "\t\tif (rc < 0)",
                 "\t\t\tbreak;",
                 "\t\tacc += ex.how == CCO_RETURNED ? ex.value : 0;",
                 "\t}",
                 "\trc = cco_scope_close(s, -1);",
                 "\tcco_mutex_free(job.mu);",
                 "\treturn rc < 0 ? rc : acc + job.total;",
                 "}"]
        parts += self.render(body, 30, 50) + [""]
        start = self.afresh("co_start")
        self.afns.append(Fn(start, "long", ["fd"]))
        parts += ["long %s(int fd)" % start,
                  "{",
                  "\tcco_exec *ex;",
                  "\tint64_t result = 0;",
                  "\tint rc;",
                  "",
                  "\tif (cco_exec_init(&ex, NULL) < 0)",
                  "\t\treturn -1;",
                  "\trc = cco_exec_run(ex, %s, &fd, &result);" % root,
                  "\tcco_exec_free(ex);",
                  "\treturn rc < 0 ? rc : (long)result;",
                  "}"]
        self.nemit = n + 2
        return parts

    # -- orchestration -----------------------------------------------------

    def call_expr(self, fn):
        args = []
        for kind in fn.params:
            if kind == "q":
                args.append("q")
            elif kind == "ring":
                args.append("ring")
            elif kind == "fd":
                args.append("fd")
            elif kind == "path":
                args.append("path")
            elif kind == "int":
                args.append(str(self.rng.randint(0, 6)))
            elif kind == "size":
                args.append(str(self.rng.choice([256, 1024, 4096])))
            else:  # long
                args.append("acc")
        return "%s(%s)" % (fn.name, ", ".join(args))

    def w_run(self):
        if len(self.fns) < 2:
            return self.w_consume()
        return self.orchestrate(self.fns, self.fresh("run"))

    def w_arun(self):
        """An orchestrator over the module's async workers."""
        if len(self.afns) < 2:
            return self.w_aio()
        return self.orchestrate(self.afns, self.afresh("arun"))

    def orchestrate(self, pool, name):
        """Function `name` calls 2-5 functions of `pool` in a loop, and
        joins `pool` (later orchestrators may call it)."""
        r = self.rng
        callees = r.sample(pool, min(len(pool), r.randint(2, 5)))
        lines = []
        for fn in callees:
            e = self.call_expr(fn)
            if fn.ret == "str":
                lines.append("\t\tfree(%s);" % e)
                continue
            c = r.randrange(3)
            if c == 0:
                lines.append("\t\tacc += %s;" % e)
            elif c == 1:
                lines += ["\t\tif ((acc & 1) || round == 0)",
                          "\t\t\tacc += %s;" % e,
                          "\t\telse",
                          "\t\t\tacc -= round;"]
            else:
                lines += ["\t\tif (%s < 0)" % e,
                          "\t\t\tbreak;"]
        need = set(p for fn in callees for p in fn.params)
        params = []
        if "q" in need:
            params.append("%s *q" % self.S)
        if "ring" in need:
            params.append("struct io_uring *ring")
        if "fd" in need:
            params.append("int fd")
        if "path" in need:
            params.append("const char *path")
        kinds = [k for k in ("q", "ring", "fd", "path") if k in need]
        pool.append(Fn(name, "long", kinds))
        body = ["long %s(%s)" % (name, ", ".join(params)),
                "{",
                "\tlong acc = %s;" % self.seed(),
                "\tint round;",
                "",
                "\tfor (round = 0; round < %d; round++) {" % r.randint(2, 8)]
        body += lines
        body += [(F, 2), "\t}", (F, 1), "\treturn acc;", "}"]
        return self.render(body)

    def footer(self):
        """Thread entry for the module, plus a self-test that references
        any static helper no worker happened to use (avoids
        -Wunused-function)."""
        S, p = self.S, self.p
        runs = [f for f in self.fns if f.name.startswith(p + "run_")
                and set(f.params) <= {"q"}]
        out = ["", "void *%sthread(void *arg)" % p, "{",
               "\t%s *q = arg;" % S, "\tlong total = 0;", "",
               "\twhile (!q->closed) {"]
        if runs:
            for f in runs[:3]:
                out.append("\t\ttotal += %s(q);" % f.name)
        else:
            out += ["\t\t%s(q);" % self.helper("lock"),
                    "\t\tpthread_cleanup_push(bench_unlock_cb, &q->mu);",
                    "\t\ttotal += %s(q);" % self.helper("wait_item"),
                    "\t\tpthread_cleanup_pop(1);"]
        out += ["\t\tif (total < 0)", "\t\t\tbreak;", "\t}",
                "\treturn total < 0 ? NULL : arg;", "}"]
        unused = [h for h in ("lock", "unlock", "mix", "read_full",
                              "wait_item", "take", "checksum")
                  if h not in self.used]
        if unused:
            params = []
            if set(unused) & {"lock", "unlock", "wait_item", "take"}:
                params.append("%s *q" % S)
            if "read_full" in unused:
                params.append("int fd")
            out += ["", "long %sselftest(%s)" % (p, ", ".join(params) or "void"),
                    "{",
                    "\tlong acc = 0;", "\tchar buf[16];", ""]
            for h in unused:
                out.append({
                    "lock": "\t%slock(q);",
                    "unlock": "\t%sunlock(q);",
                    "mix": "\tacc += %smix(acc, 3);",
                    "read_full": "\tacc += %sread_full(fd, buf, sizeof(buf));",
                    "wait_item": "\tacc += %swait_item(q);",
                    "take": "\tif (q->count > 0)\n\t\tfree(%stake(q));",
                    "checksum": "\tacc += %schecksum(\"x\", 1);",
                }[h] % p)
            out += ["\treturn acc + (long)sizeof(buf);", "}"]
        return "\n".join(out).split("\n")

    WORKERS = [
        ("w_consume", 14), ("w_produce", 12), ("w_load", 10), ("w_copy", 8),
        ("w_account", 10), ("w_drain", 8), ("w_report", 8), ("w_snapshot", 6),
        ("w_guarded_read", 8), ("w_send", 7), ("w_run", 16),
        ("b_locked_read", 3), ("b_helper_read", 2), ("b_bare_wait", 2),
    ]

    # Drawn from Gen.rng2, before a classic worker in P_ASYNC of the slots:
    # the classic workload keeps version 1's random stream.
    ASYNC_WORKERS = [
        ("w_aio", 9), ("w_uring", 9), ("w_cco", 3), ("w_arun", 3),
    ]
    P_ASYNC = 0.1

    def next_worker(self):
        names = [n for n, _ in self.WORKERS]
        weights = [w for _, w in self.WORKERS]
        return getattr(self, self.rng.choices(names, weights)[0])()

    def next_async(self):
        """An async template (a group of functions for w_cco, which sets
        self.nemit), drawn and filled from Gen.rng2."""
        main, self.rng = self.rng, self.gen.rng2
        try:
            names = [n for n, _ in self.ASYNC_WORKERS]
            weights = [w for _, w in self.ASYNC_WORKERS]
            return getattr(self, self.rng.choices(names, weights)[0])()
        finally:
            self.rng = main


class Gen:
    def __init__(self, lines, seed):
        self.lines = lines
        self.rng = random.Random(seed)
        self.rng2 = random.Random(seed + 0x9E3779B9)
        self.bugs = 0
        self.bug_checks = {}
        self.cadence = {}
        self.functions = 0
        self.new_functions = 0

    def generate(self):
        out = ["/* Generated by bench/gen_posix.py version %d, seed %d, %d lines."
               % (GEN_VERSION, self.seed_value, self.lines),
               " * Do not edit: regenerate instead. */"]
        out += PROLOGUE.rstrip("\n").split("\n")
        m = 0
        reserve = 40  # room for a module footer and selftest
        done = False
        while not done:
            m += 1
            mod = Module(self, m)
            chunk = mod.header().rstrip("\n").split("\n")
            if m > 1 and len(out) + len(chunk) + 120 + reserve > self.lines:
                break
            out += chunk
            for _ in range(self.rng.randint(6, 20)):
                steps = [mod.next_worker]
                if self.rng2.random() < mod.P_ASYNC:
                    steps.insert(0, mod.next_async)
                for step in steps:
                    saved = (self.rng.getstate(), self.rng2.getstate(),
                             self.bugs, dict(self.bug_checks),
                             dict(self.cadence), list(mod.fns),
                             list(mod.afns), set(mod.used), mod.nfn, mod.nafn)
                    mod.nemit = 1
                    fn = step()
                    if len(out) + 1 + len(fn) + reserve > self.lines:
                        # Does not fit: undo its side effects and stop.
                        (st, st2, self.bugs, self.bug_checks, self.cadence,
                         mod.fns, mod.afns, mod.used, mod.nfn,
                         mod.nafn) = saved
                        self.rng.setstate(st)
                        self.rng2.setstate(st2)
                        done = True
                        break
                    out.append("")
                    out += fn
                    self.functions += mod.nemit
                    if step == mod.next_async:
                        self.new_functions += mod.nemit
                if done:
                    break
            out += mod.footer()
        self.modules = m
        pad = self.lines - len(out)
        if pad > 0:
            out.append("")
            out += ["/* padding to an exact line count */"] * (pad - 1)
        return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lines", nargs="?", type=int, default=DEFAULT_LINES)
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--version", action="store_true",
                    help="print the generator version and exit")
    a = ap.parse_args()
    if a.version:
        print(GEN_VERSION)
        return 0
    g = Gen(a.lines, a.seed)
    g.seed_value = a.seed
    text = g.generate()
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    print("gen_posix: %d lines, %d worker functions (%d async I/O and "
          "coroutine), %d expected findings (%s)"
          % (text.count("\n"), g.functions, g.new_functions, g.bugs,
             ", ".join("%s %d" % kv for kv in sorted(g.bug_checks.items()))),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
