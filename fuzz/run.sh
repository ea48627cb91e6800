#!/usr/bin/env bash
# Runs each libFuzzer target for a fixed time on a working copy of its seed
# corpus: run.sh <fuzz-build-dir> <seconds> [target...]. New inputs that add
# coverage stay in the working copy (not in fuzz/corpus) for the next run;
# crashers, timeouts and out-of-memory inputs go to <build>/artifacts/<target>/.
# FUZZ_FLAGS adds libFuzzer flags, e.g. "-fork=1 -ignore_crashes=1" to go on
# past the first crash in a long run.
set -u
build=$1 secs=$2
shift 2
[ $# -gt 0 ] || set -- source config
here=$(cd "$(dirname "$0")" && pwd)
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# LLVM's own leaks are not the analyzer's (lsan.supp says which).
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/lsan.supp}
status=0
for t in "$@"; do
	work=$build/corpus/$t art=$build/artifacts/$t
	mkdir -p "$work" "$art"
	cp -n "$here/corpus/$t"/* "$work"/ 2>/dev/null || true
	echo "fuzz: $t for ${secs}s; crashers go to $art/" >&2
	"$build/bin/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
		-dict="$here/$t.dict" -artifact_prefix="$art/" -print_final_stats=1 \
		${FUZZ_FLAGS:-} "$work" 2> "$build/fuzz-$t.log"
	rc=$?
	# the last progress line (coverage, corpus, exec/s), and any error
	grep -E ' cov: ' "$build/fuzz-$t.log" | tail -n 1 >&2
	grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY)' \
		"$build/fuzz-$t.log" >&2
	ls "$art" | sed "s|^|fuzz: saved: $art/|" >&2
	if [ $rc -ne 0 ]; then
		echo "fuzz: $t failed (status $rc): see $build/fuzz-$t.log and $art/" >&2
		status=1
	fi
done
exit $status
