#!/usr/bin/env bash
# Runs cancelcheck over the bundled examples. The small API clients carry
# bugs on purpose: findings are the point, so exit status 1 counts as
# success for them. The programs on cco (echo_server.c, relay.c) must
# analyze clean: a finding there fails the demo.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/examples"
clean="echo_server.c relay.c"
buggy=$(ls *.c | grep -vxF "$(tr ' ' '\n' <<<"$clean")" | tr '\n' ' ')
echo "cancelcheck $buggy" >&2
"$root/$build/bin/cancelcheck" $buggy -- -std=gnu11 -pthread -I"$root/include"
rc=$?
[ $rc -le 1 ] || exit $rc
echo "cancelcheck $clean (no findings expected)" >&2
"$root/$build/bin/cancelcheck" $clean -- -std=gnu11 -I"$root/include" || exit
echo "no findings" >&2
