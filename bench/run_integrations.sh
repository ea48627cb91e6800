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
cflags=${BENCH_CFLAGS:--std=gnu11 -pthread -Wall}
plugin=$build/lib/cancelcheck-plugin.so
floor=$build/bench/cfg-floor-plugin.so
launcher=$build/bin/cancelcheck-cc
for f in "$plugin" "$floor" "$launcher"; do
	[ -e "$f" ] || die "$f not built (run 'make build'; the plugins are not built with sanitizers)"
done
out=$build/bench
mkdir -p "$out/logs/integrations"
gen=$out/posix_20000.c
if [ ! -f "$gen" ]; then
	python3 "$here/gen_posix.py" 20000 --seed 20240917 -o "$gen" 2>/dev/null || die "cannot generate $gen"
fi
n=$(python3 "$here/integ_spec.py" --clang "$clang" --build-dir "$build" --plugin "$plugin" \
	--floor "$floor" --launcher "$launcher" --generated "$gen" --flags "$cflags" \
	-o "$out/integrations.spec.json") || die "cannot write the integrations spec"
echo "bench: measuring integrations: $n compiles (-O2 -c), $runs run(s) each, interleaved" >&2
python3 "$here/measure.py" --runs "$runs" --spec "$out/integrations.spec.json" \
	--log-dir "$out/logs/integrations" >"$out/integrations.result" \
	|| die "integrations: a command failed (logs in $out/logs/integrations)"
w() { awk -v n="$1" '$1 == n { for (i = 2; i <= NF; i++) if ($i ~ /^wall_s=/) { sub(/wall_s=/, "", $i); print $i } }' \
	"$out/integrations.result"; }
c=$(w compile) p=$(w plugin) l=$(w launcher) f=$(w floor)
[ -n "$c" ] && [ -n "$p" ] && [ -n "$l" ] && [ -n "$f" ] || die "missing results in $out/integrations.result"
awk -v c="$c" -v p="$p" -v l="$l" -v f="$f" -v n="$n" 'BEGIN {
	printf "integrations: compile %.3fs, plugin %.3fs, launcher %.3fs, floor %.3fs (%d compiles, -O2 -c)\n", c, p, l, f, n
	r = sprintf("%.2f", p / c); printf "plugin_over_compile: %s (target <= 1.15) %s\n", r, (r + 0 <= 1.15) ? "ok" : "over"
	r = sprintf("%.2f", l / c); printf "launcher_over_compile: %s (target <= 1.3) %s\n", r, (r + 0 <= 1.3) ? "ok" : "over"
	printf "second_lowering_floor_over_compile: %.2f (reference: the design not taken)\n", f / c
}'
