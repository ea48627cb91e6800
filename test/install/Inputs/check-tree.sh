#!/usr/bin/env bash
# check-tree.sh <prefix> <srcroot> <work-dir>: an installed cancelcheck and
# cco, wherever the tree was put, works as a user runs it:
#  - the programs start, find their modules, clang's resource directory and
#    their docs under <prefix>;
#  - libcco.so has its soname and exports cco.h's functions only;
#  - an out-of-tree program builds and runs with pkg-config, and with
#    CMake's find_package(cco), shared and static.
# Prints one line per step; the first failure names itself (exit 1).
set -eu
prefix=$(cd "$1" && pwd)
src=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
fail() { echo "check-tree: FAIL: $*"; exit 1; }

# The library directory: lib/ (cmake --install) or lib/<multiarch>/.
pc=$(find "$prefix/lib" -name cco.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$pc" ] || fail "no cco.pc under $prefix/lib"
libdir=$(dirname "$(dirname "$pc")")
echo "libdir: ${libdir#"$prefix"/}"

# --- the analyzer ------------------------------------------------------
"$prefix/bin/cancelcheck" --version
cp "$src/examples/queue_drain.c" "$work/queue_drain.c"
status=0
(cd "$work" && "$prefix/bin/cancelcheck" --format=sarif queue_drain.c -- -pthread) \
	>"$work/out.sarif" 2>"$work/err" || status=$?
[ "$status" -eq 1 ] || { cat "$work/err"; fail "cancelcheck on queue_drain.c: exit $status, not 1"; }
python3 - "$work/out.sarif" "$prefix" <<'PY'
import json, os, sys, urllib.parse
sarif, prefix = sys.argv[1], sys.argv[2]
run = json.load(open(sarif))["runs"][0]
results = run["results"]
assert results, "no result in the SARIF"
print("sarif: %d results, first %s" % (len(results), results[0]["ruleId"]))
for rule in run["tool"]["driver"]["rules"]:
    u = urllib.parse.urlparse(rule["helpUri"])
    path = urllib.parse.unquote(u.path)
    want = os.path.join(prefix, "share/doc/cancelcheck/checks", rule["id"] + ".md")
    if u.scheme != "file" or path != want:
        sys.exit("check-tree: FAIL: helpUri %s is not %s" % (rule["helpUri"], want))
    if not os.path.isfile(path):
        sys.exit("check-tree: FAIL: helpUri %s: no such file" % rule["helpUri"])
print("sarif: helpUri under <prefix>/share/doc/cancelcheck/checks/")
PY
# clang's own headers (stddef.h, stdarg.h) are found: the analyzer's
# resource directory, or the copy Debian's libclang-common-19-dev also
# puts in /usr/include/clang/.
printf '#include <stddef.h>\n#include <stdarg.h>\nstruct s { int a; int b; };\nsize_t f(void) { return offsetof(struct s, b); }\n' >"$work/res.c"
"$prefix/bin/cancelcheck" "$work/res.c" -- || fail "cancelcheck cannot parse a file that includes stddef.h"
echo "clang headers: ok"

# The launcher: with clang 19, the plugin beside it; with gcc, its module.
cp "$src/examples/queue_drain.c" "$work/launch.c"
out=$(cd "$work" && CANCELCHECK_VERBOSE=1 "$prefix/bin/cancelcheck-cc" clang-19 -pthread -c launch.c -o launch.o 2>&1) ||
	{ echo "$out"; fail "cancelcheck-cc clang-19 failed"; }
case $out in
*"with $prefix/lib/cancelcheck/cancelcheck-plugin.so"*) ;;
*) echo "$out"; fail "cancelcheck-cc clang-19 did not use $prefix/lib/cancelcheck/cancelcheck-plugin.so" ;;
esac
case $out in
*"[cancel-held-guard]"*) ;;
*) echo "$out"; fail "the plugin reported nothing on launch.c" ;;
esac
echo "launcher + plugin: ok"
out=$(cd "$work" && CANCELCHECK_PLUGIN=off "$prefix/bin/cancelcheck-cc" gcc -pthread -c launch.c -o launch.o 2>&1) ||
	{ echo "$out"; fail "cancelcheck-cc gcc failed"; }
case $out in
*"[cancel-held-guard]"*) ;;
*) echo "$out"; fail "cancelcheck-cc gcc: the analysis module reported nothing" ;;
esac
echo "launcher + analysis module: ok"

# Man pages open with man(1).
for page in man1/cancelcheck.1.gz man1/cancelcheck-cc.1.gz man3/cco.3.gz; do
	[ -f "$prefix/share/man/$page" ] || fail "no $page"
	MANWIDTH=80 man -l "$prefix/share/man/$page" 2>&1 | head -n 1 | grep -q . ||
		fail "man -l $page shows nothing"
done
echo "man pages: ok"

# --- libcco ------------------------------------------------------------
so=$(readlink -f "$libdir/libcco.so")
soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = libcco.so.0 ] || fail "soname of $so is '$soname', not libcco.so.0"
[ -e "$libdir/libcco.so.0" ] || fail "no $libdir/libcco.so.0"
echo "soname: $soname"
python3 "$src/test/install/Inputs/exports.py" "$so" "$prefix/include/cco.h" "$src/packaging/libcco.symbols"

# An out-of-tree program through pkg-config...
export PKG_CONFIG_PATH="$libdir/pkgconfig"
flags=$(pkg-config --cflags --libs cco) || fail "pkg-config --cflags --libs cco"
echo "pkg-config: $flags" | sed "s|$prefix|<prefix>|g"
cc -Wall -Werror -o "$work/pp" "$src/test/install/Inputs/consumer/pingpong.c" $flags
LD_LIBRARY_PATH="$libdir" "$work/pp" | sed -n 1p
ldd_out=$(LD_LIBRARY_PATH="$libdir" ldd "$work/pp")
case $ldd_out in *"$libdir/libcco.so.0"*) ;; *) fail "pp does not load $libdir/libcco.so.0" ;; esac
static=$(pkg-config --static --libs cco)
cc -Wall -Werror -o "$work/pp_static" "$src/test/install/Inputs/consumer/pingpong.c" \
	$(pkg-config --cflags cco) "$libdir/libcco.a" $(pkg-config --static --libs-only-l liburing)
"$work/pp_static" | sed -n 1p
if ldd "$work/pp_static" | grep -q libcco; then fail "pp_static loads libcco.so"; fi
echo "pkg-config static: $static" | sed "s|$prefix|<prefix>|g"

# ... and through find_package(cco).
cmake -S "$src/test/install/Inputs/consumer" -B "$work/cmake" \
	-DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/cmake.log" 2>&1 ||
	{ cat "$work/cmake.log"; fail "find_package(cco) from $prefix"; }
cmake --build "$work/cmake" >>"$work/cmake.log" 2>&1 || { cat "$work/cmake.log"; fail "building against cco::cco"; }
LD_LIBRARY_PATH="$libdir" "$work/cmake/pingpong" | sed -n 1p
"$work/cmake/pingpong_static" | sed -n 1p
grep -q "cco_DIR:PATH=$libdir/cmake/cco" "$work/cmake/CMakeCache.txt" ||
	fail "find_package found cco elsewhere than $libdir/cmake/cco"
echo "find_package: ok"

# The installed analyzer has nothing to say about the example.
"$prefix/bin/cancelcheck" "$src/test/install/Inputs/consumer/pingpong.c" -- -I"$prefix/include" ||
	fail "cancelcheck reports on the consumer example"
echo "check-tree: all ok"
