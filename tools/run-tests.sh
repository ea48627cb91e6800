#!/usr/bin/env bash
# Runs every test suite (lit: analyzer, config, unit programs) and prints
# one summary line "N passed, N failed".
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
lit=/usr/lib/llvm-19/build/utils/lit/lit.py
log=$(mktemp)
trap 'rm -f "$log"' EXIT

python3 "$lit" -v --order=lexical "$build/test" 2>&1 | tee "$log" \
	| grep -E '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):|^\*\*\*\*' || true
pass=$(grep -cE '^(PASS|XFAIL):' "$log")
fail=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$log")
skip=$(grep -cE '^(UNSUPPORTED|SKIPPED):' "$log")
if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
	echo "lit ran no tests:" >&2
	tail -n 20 "$log" >&2
	fail=1
fi
[ "$skip" -gt 0 ] && echo "$skip skipped"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
