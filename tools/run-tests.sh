#!/usr/bin/env bash
# Runs every test suite (lit: analyzer, config, unit programs) against each
# build directory given (the release build, then the sanitized one) and
# prints one summary line "N passed, N failed".
set -u
[ $# -ge 1 ] || set -- build
lit=/usr/lib/llvm-19/build/utils/lit/lit.py
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0 fail=0 skip=0
for build in "$@"; do
	# A sanitizer runtime that cannot start on this kernel (ASLR layouts
	# some ASan versions do not support) is a skip that says why, not a
	# failure of every test.
	if ! probe=$("$build/bin/cancelcheck" --version 2>&1); then
		echo "lit: $build: the analyzer does not start here, suite skipped:" >&2
		echo "$probe" | head -n 3 >&2
		skip=$((skip + 1))
		continue
	fi
	echo "lit: $build/test" >&2
	python3 "$lit" -v --no-progress-bar --order=lexical "$build/test" >"$log" 2>&1
	# the output of each failing test, then its name
	awk '/^\*{20} TEST /{p=1} p{print} /^\*{20}$/{p=0}' "$log"
	grep -E '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$log"
	p=$(grep -cE '^(PASS|XFAIL):' "$log")
	f=$(grep -cE '^(FAIL|XPASS|UNRESOLVED|TIMEOUT):' "$log")
	s=$(grep -cE '^(UNSUPPORTED|SKIPPED):' "$log")
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "lit ran no tests in $build/test:" >&2
		tail -n 20 "$log" >&2
		f=1
	fi
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done
[ "$skip" -gt 0 ] && echo "$skip skipped"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
