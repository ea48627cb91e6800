#!/usr/bin/env bash
# Installs the Debian packages the build and tests need, only when missing.
set -eu

pkgs=(cmake make gcc pkg-config python3
      clang-19 libclang-19-dev llvm-19-dev llvm-19-tools libclang-rt-19-dev
      liburing-dev libyaml-dev libjson-c-dev libglib2.0-dev libuv1-dev
      neovim python3-jsonschema python3-yaml
      dpkg-dev file lintian groff-base man-db clang-tidy-19 libasio-dev)
# dpkg-dev and file: CPack's dependency detection for make deb
# (dpkg-shlibdeps); lintian, groff-base, man-db: the package and man
# page tests; clang-tidy-19 and libasio-dev: the C++ side-by-side test.

missing=()
for p in "${pkgs[@]}"; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$st" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "setup: missing Debian packages: ${missing[*]}" >&2
	echo "setup: install them with: sudo apt-get install ${missing[*]}" >&2
	exit 2
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq </dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
