#!/usr/bin/env bash
# The integrations' cost, side by side in one run (called by bench/run.sh):
#   plugin_over_compile     clang-19 -O2 -c with cancelcheck's plugin / without
#   launcher_over_compile   the same behind cancelcheck-cc / without
#   second_lowering_floor_over_compile
#                           the other plugin design's floor (a CFG of every
#                           function from clang's AST) / without; for the
#                           design record in docs/architecture.md
# over every C source of <build-dir>/compile_commands.json and a generated
# 20,000-line file. Exit 2 if something is missing or a command fails.
#
# Usage: bash bench/run_integrations.sh <build-dir>
# Environment: CLANG (clang-19), BENCH_INTEG_RUNS (3), BENCH_CFLAGS.
set -u -o pipefail
die() { echo "bench: error: $*" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:?usage: run_integrations.sh <build-dir>}" && pwd) || die "no build directory"
clang=$(command -v "${CLANG:-clang-19}") || die "clang-19 not found"
runs=${BENCH_INTEG_RUNS:-3}
cflags="${BENCH_CFLAGS:--std=gnu11 -pthread -Wall} -I$(cd "$here/.." && pwd)/include"
plugin=$build/lib/cancelcheck-plugin.so
floor=$build/bench/cfg-floor-plugin.so
launcher=$build/bin/cancelcheck-cc
for f in "$plugin" "$floor" "$launcher"; do
	[ -e "$f" ] || die "$f not built (run 'make build'; the plugins are not built with sanitizers)"
done
out=$build/bench
mkdir -p "$out/logs/integrations"
gen=$out/posix_20000.c
stamp="$(sha256sum "$here/gen_posix.py" | cut -d' ' -f1)"
if [ ! -f "$gen" ] || [ "$(cat "$gen.stamp" 2>/dev/null)" != "$stamp" ]; then	# a new generator: anew
	python3 "$here/gen_posix.py" 20000 --seed 20240917 -o "$gen" 2>/dev/null || die "cannot generate $gen"
	echo "$stamp" > "$gen.stamp"
fi
# Two parts, measured apart so each ratio can be read on its own; the
# contract lines are over both (the sum of their times).
for part in repo generated; do
	n=$(python3 "$here/integ_spec.py" --only "$part" --clang "$clang" --build-dir "$build" \
		--plugin "$plugin" --floor "$floor" --launcher "$launcher" --generated "$gen" \
		--flags "$cflags" -o "$out/integrations_$part.spec.json") || die "cannot write the integrations spec"
	echo "bench: measuring integrations ($part): $n compile(s) (-O2 -c), $runs run(s) each, interleaved" >&2
	python3 "$here/measure.py" --runs "$runs" --spec "$out/integrations_$part.spec.json" \
		--log-dir "$out/logs/integrations" >"$out/integrations_$part.result" \
		|| die "integrations: a command failed (logs in $out/logs/integrations)"
done
w() { # w PART NAME: the workload's time, each command at its best run
	awk -v n="$2" '$1 == n { for (i = 2; i <= NF; i++) if ($i ~ /^cmd_min_s=/) { sub(/cmd_min_s=/, "", $i); print $i } }' \
		"$out/integrations_$1.result"; }
vals=()
for part in repo generated; do
	for k in compile plugin launcher floor; do
		v=$(w "$part" "$k")
		[ -n "$v" ] || die "no $k time in $out/integrations_$part.result"
		vals+=("$v")
	done
done
awk -v rc="${vals[0]}" -v rp="${vals[1]}" -v rl="${vals[2]}" -v rf="${vals[3]}" \
    -v gc="${vals[4]}" -v gp="${vals[5]}" -v gl="${vals[6]}" -v gf="${vals[7]}" 'BEGIN {
	printf "integrations: repository sources: compile %.3fs, plugin %.3fs, launcher %.3fs, floor %.3fs\n", rc, rp, rl, rf
	printf "integrations: generated 20,000 lines: compile %.3fs, plugin %.3fs, launcher %.3fs, floor %.3fs\n", gc, gp, gl, gf
	c = rc + gc; p = rp + gp; l = rl + gl; f = rf + gf
	r = sprintf("%.2f", p / c); printf "plugin_over_compile: %s (target <= 1.15) %s\n", r, (r + 0 <= 1.15) ? "ok" : "over"
	r = sprintf("%.2f", l / c); printf "launcher_over_compile: %s (target <= 1.3) %s\n", r, (r + 0 <= 1.3) ? "ok" : "over"
	printf "plugin_over_compile_by_part: repository %.2f, generated %.2f (reference)\n", rp / rc, gp / gc
	printf "second_lowering_floor_over_compile: %.2f (reference: the design not taken)\n", f / c
}'
