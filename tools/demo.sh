#!/usr/bin/env bash
# Runs cancelcheck over the bundled examples; findings are the point, so
# exit status 1 (findings) counts as success here.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/examples"
echo "cancelcheck $(ls *.c | tr '\n' ' ')" >&2
"$root/$build/bin/cancelcheck" *.c -- -std=gnu11 -pthread -I"$root/include"
rc=$?
[ $rc -le 1 ] || exit $rc
