#!/bin/sh
# survives.sh <stderr-file> <command...>: runs the command (two minutes at
# most) and fails unless it ended by itself with status 0, 1 or 2 and
# without a sanitizer report. Prints "status N" so tests can check which.
err=$1
shift
timeout 120 "$@" > /dev/null 2> "$err"
st=$?
if grep -qE 'Sanitizer|runtime error:' "$err"; then
	echo "sanitizer report:" >&2
	head -n 20 "$err" >&2
	exit 1
fi
if [ $st -gt 2 ]; then
	echo "status $st: crashed, timed out or killed" >&2
	exit 1
fi
echo "status $st"
