#!/usr/bin/env python3
"""Stand-in for build/bin/cancelcheck, for testing the benchmark harness
only (before cancelcheck is built).  It accepts the cancelcheck command
line and does what clang -fsyntax-only would do with it:

  standin_cancelcheck.py [--clang CLANG] <source>... [-- <compiler args>]
      -> CLANG -fsyntax-only <compiler args> <source>...
  standin_cancelcheck.py [--clang CLANG] -p <build-dir>
      -> for each compile_commands.json entry, the same syntax-only
         command bench/make_spec.py builds for the syntax_only side

Exit status: 0, or 2 if a clang run fails.  With it, run.sh's ratios
should come out near 1.00 (the difference is Python start-up cost).
Used by run.sh when CANCELCHECK names a clang binary.
"""

import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_spec  # noqa: E402


def main(argv):
    clang = "clang-19"
    if argv[:1] == ["--clang"]:
        clang, argv = argv[1], argv[2:]
    if "--" in argv:
        i = argv.index("--")
        own, extra = argv[:i], argv[i + 1:]
    else:
        own, extra = argv, []
    build_dir, sources, j = None, [], 0
    while j < len(own):
        if own[j] == "-p" and j + 1 < len(own):
            build_dir = own[j + 1]
            j += 2
            continue
        if own[j] == "-j":
            j += 2  # jobs: the stand-in runs one at a time
            continue
        if own[j].startswith("-"):
            j += 1  # analyzer options: ignored by the stand-in
            continue
        sources.append(own[j])
        j += 1
    if build_dir:
        for e in make_spec.load_compdb(build_dir):
            r = subprocess.run(make_spec.syntax_only_argv(e, clang),
                               cwd=e.get("directory") or build_dir)
            if r.returncode != 0:
                return 2
        return 0
    if not sources:
        print("standin_cancelcheck: no sources", file=sys.stderr)
        return 2
    r = subprocess.run([clang, "-fsyntax-only"] + extra + sources)
    return 0 if r.returncode == 0 else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
