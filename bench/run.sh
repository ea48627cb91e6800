#!/usr/bin/env bash
# Performance report: cancelcheck against clang-19 -fsyntax-only with the
# same flags, side by side in one run, on
#   1. a generated 200,000-line POSIX-threads C file, and
#   2. this repository's own compile database (<build-dir>/compile_commands.json).
# Prints one line per workload, then the contract lines
#   analyzer_over_syntax_only: R (target <= 1.15) ok|over
# and friends.  Exit 0 whether or not a target is met (this is a report);
# exit 2 if a tool is missing or a command fails unexpectedly.
#
# Usage: bash bench/run.sh [build-dir]        (default: build)
# Environment (all optional):
#   CLANG=clang-19           the reference compiler
#   CANCELCHECK=<build-dir>/bin/cancelcheck
#                            the analyzer command (split like a shell would).
#                            For testing the harness only, a clang binary may
#                            be given (CANCELCHECK=/usr/bin/clang-19): it is
#                            wrapped in bench/standin_cancelcheck.py.
#   BENCH_RUNS=5             repetitions; min time and max RSS are reported
#   BENCH_LINES=200000       size of the generated file
#   BENCH_SEED=20240917      generator seed
#   BENCH_CFLAGS="-std=gnu11 -pthread -Wall"
#                            flags for the generated file (both tools)
#   BENCH_COMPDB=<dir>       a directory with a compile_commands.json of at
#                            least 100 TUs for the -j scaling line (default:
#                            a generated program of 120 TUs)
set -u -o pipefail

die() {
	echo "bench: error: $*" >&2
	exit 2
}
progress() {
	echo "bench: $*" >&2
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_arg=${1:-build}
[ -d "$build_arg" ] || die "build directory '$build_arg' does not exist (run 'make build' first)"
build=$(cd "$build_arg" && pwd)

clang=${CLANG:-clang-19}
runs=${BENCH_RUNS:-7}
lines=${BENCH_LINES:-200000}
seed=${BENCH_SEED:-20240917}
cflags="${BENCH_CFLAGS:--std=gnu11 -pthread -Wall} -I$(cd "$here/.." && pwd)/include"

command -v python3 >/dev/null 2>&1 || die "python3 not found"
clang_path=$(command -v "$clang" 2>/dev/null) || die "'$clang' not found (install Debian package clang-19, or set CLANG)"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$runs'"
[[ $lines =~ ^[1-9][0-9]*$ ]] || die "BENCH_LINES must be a positive integer, got '$lines'"

# The analyzer command.  A clang binary is only accepted as a stand-in.
cc_cmd=${CANCELCHECK:-$build/bin/cancelcheck}
read -r -a cc_words <<<"$cc_cmd"
[ "${#cc_words[@]}" -gt 0 ] || die "CANCELCHECK is empty"
cc_exe=${cc_words[0]}
if [ "${#cc_words[@]}" -eq 1 ] && [[ $(basename "$cc_exe") == clang* ]]; then
	cc_exe_path=$(command -v "$cc_exe" 2>/dev/null) || die "'$cc_exe' not found"
	progress "CANCELCHECK is a clang binary: using the stand-in bench/standin_cancelcheck.py (harness test only, not a real measurement)"
	cc_cmd=$(printf "%q " python3 "$here/standin_cancelcheck.py" --clang "$cc_exe_path")
elif [[ $cc_exe == */* ]]; then
	[ -x "$cc_exe" ] || die "analyzer '$cc_exe' not found or not executable (build it with 'make build', or set CANCELCHECK)"
else
	command -v "$cc_exe" >/dev/null 2>&1 || die "analyzer '$cc_exe' not found"
fi

out=$build/bench
mkdir -p "$out/logs" || die "cannot create $out"

# ---------------------------------------------------------------- generate
src=$out/posix_${lines}.c
stamp=$out/posix_${lines}.stamp
want_stamp="$(sha256sum "$here/gen_posix.py" | cut -d' ' -f1) lines=$lines seed=$seed"
if [ -f "$src" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ]; then
	progress "reusing $src"
else
	progress "generating $src ($lines lines)"
	rm -f "$stamp"
	python3 "$here/gen_posix.py" "$lines" --seed "$seed" -o "$src.tmp" 2>"$out/logs/gen.log" \
		|| { cat "$out/logs/gen.log" >&2; die "gen_posix.py failed"; }
	{ mv "$src.tmp" "$src" && echo "$want_stamp" >"$stamp"; } || die "cannot write $src"
fi

# ---------------------------------------------------------------- measure
# measure.py prints "NAME wall_s=S rss_kib=K runs=..." per workload.
field() { # field NAME KEY FILE
	awk -v n="$1" -v k="$2" '$1 == n { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$3"
}

measure_workload() { # measure_workload TAG make_spec-args...
	local tag=$1
	shift
	python3 "$here/make_spec.py" "$@" --clang "$clang_path" --cancelcheck "$cc_cmd" \
		-o "$out/$tag.spec.json" || die "cannot build the $tag workload"
	mkdir -p "$out/logs/$tag"
	python3 "$here/measure.py" --runs "$runs" --spec "$out/$tag.spec.json" \
		--log-dir "$out/logs/$tag" >"$out/$tag.result" \
		|| die "$tag: a command failed (logs in $out/logs/$tag)"
}

gen_tag=generated_$((lines / 1000))k
[ "$lines" -lt 1000 ] && gen_tag=generated_$lines
progress "measuring $gen_tag: $clang -fsyntax-only vs cancelcheck, $runs run(s) each, interleaved"
measure_workload "$gen_tag" generated --file "$src" --flags "$cflags"

[ -f "$build/compile_commands.json" ] \
	|| die "$build/compile_commands.json not found (configure with CMake, which exports it)"
ntu=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$build/compile_commands.json") \
	|| die "cannot read $build/compile_commands.json"
progress "measuring compile_db: $ntu translation units, $runs run(s) each, interleaved"
measure_workload compile_db compdb --build-dir "$build"

# -j scaling on a database of at least 100 TUs: a real one if given, else a
# generated program of 120 files of the same kind as the generated file.
if [ -n "${BENCH_COMPDB:-}" ]; then
	jdb=$(cd "$BENCH_COMPDB" && pwd) || die "BENCH_COMPDB: no such directory"
else
	jdb=$out/gen_db
	mkdir -p "$jdb"
	if [ ! -f "$jdb/compile_commands.json" ] || [ "$(cat "$jdb/stamp" 2>/dev/null)" != "$want_stamp" ]; then
		progress "generating a 120-TU program in $jdb"
		python3 - "$here/gen_posix.py" "$jdb" "$cflags" <<'PY' || die "cannot generate $jdb"
import json, os, shlex, subprocess, sys
gen, d, flags = sys.argv[1], sys.argv[2], shlex.split(sys.argv[3])
db = []
for i in range(120):
    f = os.path.join(d, "tu%03d.c" % i)
    subprocess.run([sys.executable, gen, "1500", "--seed", str(i), "-o", f],
                   check=True, stderr=subprocess.DEVNULL)
    db.append({"directory": d, "file": f,
               "arguments": ["cc"] + flags + ["-c", f, "-o", f + ".o"]})
json.dump(db, open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
PY
		echo "$want_stamp" >"$jdb/stamp"
	fi
fi
jtu=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$jdb/compile_commands.json") \
	|| die "cannot read $jdb/compile_commands.json"
progress "measuring -j 1 vs -j 2 on $jtu translation units"
measure_workload jobs jobs --build-dir "$jdb"

# ---------------------------------------------------------------- report
mib() { awk -v k="$1" 'BEGIN { printf "%dMiB", k / 1024 + 0.5 }'; }
secs() { awk -v s="$1" 'BEGIN { printf "%.3fs", s }'; }

declare -A val
for tag in "$gen_tag" compile_db; do
	for side in syntax_only cancelcheck; do
		for key in wall_s rss_kib; do
			v=$(field "$side" "$key" "$out/$tag.result")
			[ -n "$v" ] || die "no $side $key in $out/$tag.result"
			val[$tag.$side.$key]=$v
		done
	done
done

echo "$gen_tag: syntax_only $(secs "${val[$gen_tag.syntax_only.wall_s]}") $(mib "${val[$gen_tag.syntax_only.rss_kib]}")," \
	"cancelcheck $(secs "${val[$gen_tag.cancelcheck.wall_s]}") $(mib "${val[$gen_tag.cancelcheck.rss_kib]}")"
echo "compile_db: syntax_only $(secs "${val[compile_db.syntax_only.wall_s]}") $(mib "${val[compile_db.syntax_only.rss_kib]}")," \
	"cancelcheck $(secs "${val[compile_db.cancelcheck.wall_s]}") $(mib "${val[compile_db.cancelcheck.rss_kib]}") ($ntu TUs, both passes)"
warm=$(field cancelcheck_warm wall_s "$out/compile_db.result")
j1=$(field j1 wall_s "$out/jobs.result")
j2=$(field j2 wall_s "$out/jobs.result")
[ -n "$warm" ] && [ -n "$j1" ] && [ -n "$j2" ] || die "missing results in $out/compile_db.result or $out/jobs.result"
echo "compile_db_warm: cancelcheck $(secs "$warm") (the cache of the first run)"
echo "jobs: -j1 $(secs "$j1"), -j2 $(secs "$j2") ($jtu TUs, $(nproc) cores)"

contract() { # contract LABEL NUMERATOR DENOMINATOR TARGET
	awk -v l="$1" -v a="$2" -v b="$3" -v t="$4" 'BEGIN {
		r = sprintf("%.2f", a / b)
		printf "%s: %s (target <= %s) %s\n", l, r, t, (r + 0 <= t + 0) ? "ok" : "over"
	}'
}
contract analyzer_over_syntax_only \
	"${val[$gen_tag.cancelcheck.wall_s]}" "${val[$gen_tag.syntax_only.wall_s]}" 1.10
contract analyzer_over_syntax_only_compile_db \
	"${val[compile_db.cancelcheck.wall_s]}" "${val[compile_db.syntax_only.wall_s]}" 1.0
contract analyzer_over_syntax_only_compile_db_warm \
	"$warm" "${val[compile_db.syntax_only.wall_s]}" 0.6
contract jobs_2_over_1 "$j2" "$j1" 0.6
contract memory_over_syntax_only \
	"${val[$gen_tag.cancelcheck.rss_kib]}" "${val[$gen_tag.syntax_only.rss_kib]}" 1.20
contract memory_over_syntax_only_compile_db \
	"${val[compile_db.cancelcheck.rss_kib]}" "${val[compile_db.syntax_only.rss_kib]}" 1.20
# For reference, not a contract: cancelcheck parses with -w, so this is the
# cost of lowering and analysis over the same warning-free parse.
w=$(field syntax_only_w wall_s "$out/$gen_tag.result")
[ -n "$w" ] && awk -v a="${val[$gen_tag.cancelcheck.wall_s]}" -v b="$w" 'BEGIN {
	printf "analyzer_over_syntax_only_without_warnings: %.2f (reference: both parse with -w)\n", a / b }'
# Cost must stay linear in function size: one function of N, then 2N,
# path-splitting steps; lowering + analysis time of the second over the first.
scale() { # scale N: seconds of lowering and analysis, from --verbose
	python3 "$here/gen_paths.py" "$1" -o "$out/paths_$1.c" || die "cannot generate paths_$1.c"
	"$cc_bin" --verbose "$out/paths_$1.c" -- -pthread 2>&1 >/dev/null |
		awk '/note: lower/ { gsub(/s,/, ""); print $4 + $6 }'
}
cc_bin=${cc_words[0]}
if [[ $cc_bin != *clang* ]] && [ -x "$cc_bin" ]; then
	t1=$(scale 1500) t2=$(scale 3000)
	[ -n "$t1" ] && [ -n "$t2" ] && awk -v a="$t1" -v b="$t2" 'BEGIN {
		printf "analysis_scaling_2x_function: %.2f (linear: about 2)\n", b / a }'
fi
# Optional, slow (minutes), but free of the machine's noise: instructions
# counted by valgrind for the same two commands on the generated file.
if [ "${BENCH_INSTRUCTIONS:-0}" = 1 ]; then
	command -v valgrind >/dev/null 2>&1 || die "BENCH_INSTRUCTIONS=1 needs valgrind"
	irefs() { # irefs CMD...: instructions executed
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
			awk '/I +refs:/ { gsub(/,/, "", $NF); print $NF }'
	}
	progress "counting instructions (valgrind): $clang -fsyntax-only and cancelcheck"
	# shellcheck disable=SC2086
	i_syn=$(irefs "$clang_path" -fsyntax-only $cflags "$src")
	# shellcheck disable=SC2086
	i_cc=$(irefs "$cc_bin" "$src" -- $cflags)
	[ -n "$i_syn" ] && [ -n "$i_cc" ] && awk -v a="$i_cc" -v b="$i_syn" 'BEGIN {
		printf "instructions_over_syntax_only: %.2f (%.2fG vs %.2fG)\n", a / b, a / 1e9, b / 1e9 }'
fi

# ---------------------------------------------------------------- C++
# C++ coroutine code against clang-tidy-19's two coroutine checks and
# clang-19 -fsyntax-only -std=c++20 (bench/run_cxx.sh).
progress "C++ (bench/run_cxx.sh)"
bash "$here/run_cxx.sh" "$build" || die "C++ benchmark failed"

# ---------------------------------------------------------------- integrations
# The clang plugin and cancelcheck-cc against the plain compile (-O2 -c) of
# this repository's C sources and a 20,000-line file; see "Integrations" in
# bench/README.md. Not for the clang stand-in.
if [[ $cc_bin != *clang* ]] && [ -x "$cc_bin" ]; then
	progress "integrations (bench/run_integrations.sh)"
	bash "$here/run_integrations.sh" "$build" || die "integrations benchmark failed"
fi

# ---------------------------------------------------------------- runtime
# cco's runtime benchmark: its echo server against libuv and a plain
# liburing loop, context switch, cancellation latency. It prints its own
# lines and builds nothing; see "Runtime benchmark" in bench/README.md.
progress "runtime benchmark (bench/run_runtime.sh)"
bash "$here/run_runtime.sh" "$build" \
	|| die "runtime benchmark: a program failed (logs in $out/logs/runtime)"

# ---------------------------------------------------------------- language server
# cancelcheck --lsp on a generated 2,000-line file: didChange to its
# diagnostics, and didOpen to the first ones against the command line; see
# "Language server" in bench/README.md. Not for the clang stand-in.
if [[ $cc_bin != *clang* ]] && [ -x "$cc_bin" ]; then
	progress "language server (bench/lsp_bench.py)"
	python3 "$here/lsp_bench.py" --cancelcheck "$cc_bin" --out "$out" --runs "$runs" \
		--seed "$seed" || die "language server benchmark failed"
fi
exit 0
