#!/usr/bin/env python3
"""Generate a large, realistic POSIX-threads C translation unit for benchmarks.

Usage: gen_posix.py [LINES] [-o FILE] [--seed N]

The output is deterministic for a given (LINES, seed, GEN_VERSION) and is
exactly LINES lines long (unless LINES is too small to hold the fixed
prologue and one module).  It compiles without diagnostics under
  clang-19 -fsyntax-only -std=gnu11 -pthread -Wall -Wextra

The file is a sequence of "modules".  Each module has a queue struct with a
mutex member, a few small static helpers (lock/unlock wrappers, a blocking
read loop, a condition-wait loop, pure arithmetic) and 6-20 worker functions
of 20-80 lines built from templates: mutex-protected queues with
pthread_cond_wait loops under pthread_cleanup_push/pop, malloc/free,
open/read/write/close, pthread_setcancelstate regions, goto-cleanup error
paths, switch with fallthrough, loops, && / || / ?:.  Orchestrator functions
call earlier workers so call-graph inference has work to do.

A small share of workers (about 6%) contain real cancellation-safety bugs:
a cancellation point (read, pthread_cond_wait, or a helper that reads)
reached with a mutex held and no cleanup handler.  Each is marked with a
comment "expected finding"; the count is printed to stderr.
"""

import argparse
import random
import sys

GEN_VERSION = 1
DEFAULT_LINES = 200000
DEFAULT_SEED = 20240917

PROLOGUE = """\
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <string.h>
#include <stdio.h>

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
            blk = self.filler()
            if len(blk) > budget:
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
        self.gen.bugs += 1
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
        self.gen.bugs += 1
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
        self.gen.bugs += 1
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

    # -- orchestration -----------------------------------------------------

    def call_expr(self, fn):
        args = []
        for kind in fn.params:
            if kind == "q":
                args.append("q")
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
        r = self.rng
        if len(self.fns) < 2:
            return self.w_consume()
        callees = r.sample(self.fns, min(len(self.fns), r.randint(2, 5)))
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
        if "fd" in need:
            params.append("int fd")
        if "path" in need:
            params.append("const char *path")
        name = self.fresh("run")
        kinds = [k for k in ("q", "fd", "path") if k in need]
        self.fns.append(Fn(name, "long", kinds))
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

    def next_worker(self):
        names = [n for n, _ in self.WORKERS]
        weights = [w for _, w in self.WORKERS]
        return getattr(self, self.rng.choices(names, weights)[0])()


class Gen:
    def __init__(self, lines, seed):
        self.lines = lines
        self.rng = random.Random(seed)
        self.bugs = 0
        self.functions = 0

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
                saved = (self.rng.getstate(), self.bugs, list(mod.fns),
                         set(mod.used), mod.nfn)
                fn = mod.next_worker()
                if len(out) + 1 + len(fn) + reserve > self.lines:
                    # Does not fit: undo its side effects and stop.
                    (st, self.bugs, mod.fns, mod.used, mod.nfn) = saved
                    self.rng.setstate(st)
                    done = True
                    break
                out.append("")
                out += fn
                self.functions += 1
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
    print("gen_posix: %d lines, %d worker functions, %d expected findings"
          % (text.count("\n"), g.functions, g.bugs), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
