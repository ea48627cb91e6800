#!/usr/bin/env bash
# make deb: the Debian packages of a built tree (CPack, packaging/), then
# lintian over them. Prints the .deb files; exit 2 if CPack fails, 1 if
# lintian reports a tag the packages do not override.
#   tools/make-deb.sh [<build-dir> [<output-dir>]]
set -eu
build=${1:-build}
out=${2:-$build/deb}
if [ ! -f "$build/CPackConfig.cmake" ]; then
	echo "make-deb: $build/CPackConfig.cmake: not a configured build (run make first)" >&2
	exit 2
fi
mkdir -p "$out"
rm -f "$out"/*.deb
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! cpack --config "$build/CPackConfig.cmake" -B "$out" >"$log" 2>&1; then
	cat "$log" >&2
	echo "make-deb: cpack failed" >&2
	exit 2
fi
rm -rf "$out/_CPack_Packages"
ls "$out"/*.deb
command -v lintian >/dev/null || { echo "make-deb: lintian not found (Debian package lintian)" >&2; exit 2; }
# Tags the packages override are explained in packaging/lintian/<package>;
# any other tag (pedantic ones included) fails.
# (O: an overridden tag, N: the override's reason.)
lintian --no-cfg --display-level '>=pedantic' --show-overrides "$out"/*.deb 2>&1 |
	grep -v '^running with root privileges' >"$log" || true
overridden=$(grep -c '^O: ' "$log" || true)
if grep -vE '^(O|N): ' "$log" | grep -q .; then
	grep -vE '^(O|N): ' "$log"
	echo "make-deb: lintian reports the tags above" >&2
	exit 1
fi
echo "lintian: no tag (overridden: $overridden)"
