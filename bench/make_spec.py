#!/usr/bin/env python3
"""Write the measure.py workload spec for one benchmark workload.

  make_spec.py generated --clang CLANG --cancelcheck CMD --flags FLAGS --file F -o SPEC
  make_spec.py compdb    --clang CLANG --cancelcheck CMD --build-dir B -o SPEC
  make_spec.py jobs      --clang CLANG --cancelcheck CMD --build-dir B -o SPEC

CMD and FLAGS are split like a shell would (shlex), so CMD may be
"python3 bench/standin_cancelcheck.py --clang /usr/bin/clang-19".

generated: syntax_only = CLANG -fsyntax-only FLAGS F
           cancelcheck = CMD F -- FLAGS
compdb:    syntax_only = for every entry of B/compile_commands.json, the
           entry's own command with the compiler replaced by CLANG, output
           options dropped and -fsyntax-only added, run in the entry's
           directory (one command per entry; measure.py sums them)
           cancelcheck = CMD -p B --no-cache  (one process, both passes)
           cancelcheck_warm = CMD -p B  (the cache the first run writes)
jobs:      j1, j2 = CMD -p B --no-cache -j 1 / -j 2
"""

import argparse
import json
import os
import shlex
import sys

# Options that only name outputs or select the compile-to-object action.
# -c and -o are what the benchmark contract says to drop.  The dependency
# file options are dropped too: with -fsyntax-only clang would still write
# the .d files, clobbering the build tree's own, and they do not change
# what is parsed.
DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ"}
DROP_ALONE = {"-c", "-MD", "-MMD"}
DROP_JOINED = ("-o", "-MF", "-MT", "-MQ")
LAUNCHERS = {"ccache", "sccache", "distcc"}


def entry_argv(entry):
    if "arguments" in entry:
        return list(entry["arguments"])
    return shlex.split(entry["command"])


def syntax_only_argv(entry, clang):
    """The entry's compiler command as a clang -fsyntax-only command."""
    argv = entry_argv(entry)
    if argv and os.path.basename(argv[0]) in LAUNCHERS:
        argv = argv[1:]  # "ccache cc ...": argv[1] is the compiler
    out = [clang, "-fsyntax-only"]
    skip = False
    for a in argv[1:]:
        if skip:
            skip = False
            continue
        if a in DROP_WITH_ARG:
            skip = True
            continue
        if a in DROP_ALONE:
            continue
        if a.startswith(DROP_JOINED):
            continue  # joined forms: -ofoo.o, -MFfoo.d, -MTfoo.o
        out.append(a)
    return out


def load_compdb(build_dir):
    path = os.path.join(build_dir, "compile_commands.json")
    with open(path) as f:
        db = json.load(f)
    if not isinstance(db, list) or not db:
        raise ValueError("%s: no entries" % path)
    return db


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["generated", "compdb", "jobs"])
    ap.add_argument("--clang", required=True)
    ap.add_argument("--cancelcheck", required=True,
                    help="cancelcheck command (shell-split)")
    ap.add_argument("--flags", default="", help="generated: compiler flags")
    ap.add_argument("--file", help="generated: the source file")
    ap.add_argument("--build-dir", help="compdb: directory holding "
                    "compile_commands.json")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    cc = shlex.split(a.cancelcheck)
    if a.mode == "generated":
        if not a.file:
            ap.error("generated needs --file")
        flags = shlex.split(a.flags)
        f = os.path.abspath(a.file)
        syn = [{"directory": os.getcwd(),
                "arguments": [a.clang, "-fsyntax-only"] + flags + [f]}]
        chk = [{"directory": os.getcwd(),
                "arguments": cc + [f, "--"] + flags}]
        # cancelcheck parses with -w (it prints no compiler warnings):
        # the same parse without warnings, to show what the analysis costs
        syn_w = [{"directory": os.getcwd(),
                  "arguments": [a.clang, "-fsyntax-only"] + flags + ["-w", f]}]
    else:
        if not a.build_dir:
            ap.error("%s needs --build-dir" % a.mode)
        b = os.path.abspath(a.build_dir)
        try:
            db = load_compdb(b)
        except (OSError, ValueError) as e:
            print("make_spec: error: %s" % e, file=sys.stderr)
            return 2
        syn = [{"directory": e.get("directory") or b,
                "arguments": syntax_only_argv(e, a.clang)} for e in db]
        # both passes from scratch; then with the cache the first run left
        chk = [{"directory": os.getcwd(), "arguments": cc + ["-p", b, "--no-cache"]}]
        warm = [{"directory": os.getcwd(), "arguments": cc + ["-p", b]}]
    if a.mode == "jobs":
        spec = {"workloads": [
            {"name": "j%d" % n, "ok": [0, 1], "commands": [
                {"directory": os.getcwd(),
                 "arguments": cc + ["-p", b, "--no-cache", "-j", str(n)]}]}
            for n in (1, 2)]}
    else:
        spec = {"workloads": [
            {"name": "syntax_only", "ok": [0], "commands": syn},
            {"name": "cancelcheck", "ok": [0, 1], "commands": chk},
        ]}
    if a.mode == "compdb":
        spec["workloads"].append(
            {"name": "cancelcheck_warm", "ok": [0, 1], "commands": warm})
    if a.mode == "generated":
        spec["workloads"].append(
            {"name": "syntax_only_w", "ok": [0], "commands": syn_w})
    with open(a.output, "w") as f:
        json.dump(spec, f, indent=1)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
