#!/usr/bin/env python3
"""Write the measure.py spec of the integrations benchmark.

  integ_spec.py --clang CLANG --build-dir B --plugin P --floor F
                --launcher L --generated G --flags FLAGS -o SPEC

Every C entry of B/compile_commands.json (this repository's C sources) and
the generated file G, each compiled with `CLANG -O2 -c ... -o /dev/null`:
  compile   the compile alone
  plugin    the same with -fplugin=P (cancelcheck's plugin)
  launcher  the same behind L (cancelcheck-cc)
  floor     the same with -fplugin=F: the cost floor of a second lowering
            from clang's AST (bench/cfg_floor_plugin.cpp)
"""
import argparse
import json
import os
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_spec import load_compdb, syntax_only_argv  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    for k in ("clang", "build-dir", "plugin", "floor", "launcher", "generated"):
        ap.add_argument("--" + k, required=True)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--flags", default="")
    ap.add_argument("--only", choices=["repo", "generated"],
                    help="only this repository's sources, or only the generated file")
    a = ap.parse_args()
    db = [e for e in load_compdb(a.build_dir) if e["file"].endswith(".c")]
    base = []
    for e in (db if a.only != "generated" else []):
        argv = syntax_only_argv(e, a.clang)
        argv = [x for x in argv if x != "-fsyntax-only"]
        base.append((e.get("directory") or a.build_dir,
                     argv[:1] + ["-O2", "-c"] + argv[1:] + ["-o", "/dev/null"]))
    gen = os.path.abspath(a.generated)
    if a.only != "repo":
            base.append((os.getcwd(), [a.clang, "-O2", "-c"] + shlex.split(a.flags)
                     + [gen, "-o", "/dev/null"]))

    def variant(fn):
        return [{"directory": d, "arguments": fn(argv)} for d, argv in base]

    spec = {"workloads": [
        {"name": "compile", "ok": [0], "commands": variant(lambda v: v)},
        {"name": "plugin", "ok": [0],
         "commands": variant(lambda v: v[:1] + ["-fplugin=" + a.plugin] + v[1:])},
        {"name": "launcher", "ok": [0], "commands": variant(lambda v: [a.launcher] + v)},
        {"name": "floor", "ok": [0],
         "commands": variant(lambda v: v[:1] + ["-fplugin=" + a.floor] + v[1:])},
    ]}
    with open(a.output, "w") as f:
        json.dump(spec, f, indent=1)
    print(len(base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
