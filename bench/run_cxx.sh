#!/usr/bin/env bash
# C++ coroutine code: cancelcheck against clang-tidy-19 running only its two
# coroutine lock checks (misc-coroutine-hostile-raii,
# cppcoreguidelines-no-suspend-with-lock), and against
# clang-19 -fsyntax-only -std=c++20, on the same files: the side-by-side
# corpus, the Asio session (libasio-dev) and the C++ check tests.
#   bench/run_cxx.sh <build-dir>      (BENCH_RUNS runs each, interleaved)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$(cd "${1:-build}" && pwd)
runs=${BENCH_RUNS:-5}
out=$build/bench
mkdir -p "$out/logs/cxx"
die() { echo "bench: $*" >&2; exit 2; }
command -v clang-tidy-19 >/dev/null || die "clang-tidy-19 not found (Debian package clang-tidy-19)"
python3 - "$root" "$build/bin/cancelcheck" "$out/cxx.spec.json" <<'PY' || die "cannot write the C++ workload"
import glob, json, os, sys
root, cck, spec = sys.argv[1:]
inc = os.path.join(root, "test/checks/Inputs")
files = [os.path.join(root, "test/cxx-tidy/Inputs/corpus.cpp"),
         os.path.join(root, "test/cxx-tidy/Inputs/asio_session.cpp")]
files += sorted(glob.glob(os.path.join(root, "test/checks/*/cxx-*.cpp")))
flags = ["-std=c++20", "-I" + inc, "-I" + os.path.join(root, "include"), "-DASIO_HAS_CO_AWAIT=1", "-DASIO_HAS_STD_COROUTINE=1"]
def cmds(argv_of):
    return [{"directory": root, "arguments": argv_of(f)} for f in files]
w = [
    {"name": "syntax_only", "ok": [0],
     "commands": cmds(lambda f: ["clang-19", "-fsyntax-only", "-w"] + flags + [f])},
    {"name": "clang_tidy", "ok": [0, 1],
     "commands": cmds(lambda f: ["clang-tidy-19", "--quiet",
                                 "--checks=-*,misc-coroutine-hostile-raii,cppcoreguidelines-no-suspend-with-lock",
                                 f, "--"] + flags)},
    {"name": "cancelcheck", "ok": [0, 1],
     "commands": cmds(lambda f: [cck, f, "--"] + flags)},
]
json.dump({"workloads": w}, open(spec, "w"), indent=1)
print(len(files))
PY
echo "bench: measuring C++: clang-19 -fsyntax-only, clang-tidy-19 (2 checks), cancelcheck; $runs run(s) each, interleaved" >&2
python3 "$here/measure.py" --runs "$runs" --spec "$out/cxx.spec.json" --log-dir "$out/logs/cxx" \
	>"$out/cxx.result" || die "C++: a command failed (logs in $out/logs/cxx)"
field() { awk -v n="$1" -v k="$2" '$1 == n { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$out/cxx.result"; }
syn=$(field syntax_only wall_s) tidy=$(field clang_tidy wall_s) cck=$(field cancelcheck wall_s)
[ -n "$syn" ] && [ -n "$tidy" ] && [ -n "$cck" ] || die "missing results in $out/cxx.result"
awk -v s="$syn" -v t="$tidy" -v c="$cck" 'BEGIN {
	printf "cxx: syntax_only %.3fs, clang_tidy %.3fs, cancelcheck %.3fs\n", s, t, c
	r = sprintf("%.2f", c / t)
	printf "analyzer_over_clang_tidy: %s (target <= 1.0) %s\n", r, (r + 0 <= 1.0) ? "ok" : "over"
	r = sprintf("%.2f", c / s)
	printf "analyzer_over_syntax_only_cxx: %s (target <= 1.15) %s\n", r, (r + 0 <= 1.15) ? "ok" : "over"
}'
