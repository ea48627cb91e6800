#!/usr/bin/env python3
"""The plugin against the command line, on every .c file under test/.

For each file both run with the same flags: `cancelcheck --format=json`
and `clang -fsyntax-only -fplugin=...`. The findings (file, line, column,
check, message, and each note's file, line, column and message) must be
equal; a file the command line refuses (exit 2) must fail to compile or
give no finding in the plugin. Prints one summary line; exits 1 on any
difference, or if fewer than --min-findings findings were compared (a
plugin that reports nothing must not pass)."""
import argparse
import concurrent.futures as cf
import json
import os
import re
import subprocess
import sys

DIAG = re.compile(r"^(.*?):(\d+):(\d+): (warning|error|note): (.*)$")
OURS = re.compile(r"^(.*) \[([a-z][a-z-]*)\]$")


def cli(args, path, flags):
    p = subprocess.run([args.cancelcheck, "--format=json", path, "--"] + flags,
                       capture_output=True, text=True)
    if p.returncode == 2:
        return None
    if p.returncode not in (0, 1):
        return "cancelcheck exit %d: %s" % (p.returncode, p.stderr.strip()[:300])
    out = []
    for d in json.loads(p.stdout):
        notes = tuple((n["file"], n["line"], n["column"], n["message"]) for n in d["notes"])
        out.append((d["file"], d["line"], d["column"], d["check"], d["message"], notes))
    return out


def plugin(args, path, flags):
    p = subprocess.run([args.clang, "-fsyntax-only", "-fno-color-diagnostics",
                        "-fno-caret-diagnostics", "-fplugin=" + args.plugin]
                       + flags + [path], capture_output=True, text=True)
    if p.returncode != 0:
        return None
    out, cur = [], None
    for line in p.stderr.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        f, ln, col, kind, msg = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)
        if kind == "note":
            if cur is not None:
                cur[5].append((f, ln, col, msg))
            continue
        o = OURS.match(msg) if kind == "warning" else None
        if o and not o.group(2).startswith("-W"):
            cur = [f, ln, col, o.group(2), o.group(1), []]
            out.append(cur)
        else:
            cur = None  # clang's own warning: its notes are not ours
    return [tuple(d[:5]) + (tuple(d[5]),) for d in out]


def compare(args, path):
    d = os.path.dirname(path)
    flags = ["-std=gnu11", "-I" + os.path.join(args.srcroot, "include"),
             "-I" + os.path.join(args.srcroot, "runtime"), "-I" + d]
    a, b = cli(args, path, flags), plugin(args, path, flags)
    if isinstance(a, str):
        return path, 0, a
    if a is None:
        return path, 0, None if not b else "command line refused it, the plugin found %r" % b
    if b is None:
        return path, 0, "the command line analyzed it, the plugin's compile failed"
    if a != b:
        only_a = [x for x in a if x not in b]
        only_b = [x for x in b if x not in a]
        return path, 0, "command line only: %r\n  plugin only: %r" % (only_a, only_b)
    return path, len(a), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cancelcheck", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--srcroot", required=True)
    ap.add_argument("--min-findings", type=int, default=1)
    args = ap.parse_args()
    files = []
    for root, dirs, names in os.walk(os.path.join(args.srcroot, "test")):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".c")]
    bad, findings, with_findings = 0, 0, 0
    with cf.ThreadPoolExecutor(max_workers=2) as ex:
        for path, n, err in ex.map(lambda p: compare(args, p), files):
            findings += n
            with_findings += n > 0
            if err:
                bad += 1
                print("MISMATCH %s\n  %s" % (os.path.relpath(path, args.srcroot), err))
    print("files=%d files-with-findings=%d findings=%d mismatches=%d"
          % (len(files), with_findings, findings, bad))
    if findings < args.min_findings:
        print("error: only %d findings compared (at least %d expected)"
              % (findings, args.min_findings))
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
