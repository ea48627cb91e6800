# Thin wrapper: setup, configure, build, then the real work in CMake and lit.
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all setup configure build demo test bench fuzz install deb clean

all: build

setup:
	@bash tools/setup-deps.sh

$(BUILD)/CMakeCache.txt: | setup
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: setup $(BUILD)/CMakeCache.txt

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@bash tools/demo.sh $(BUILD)

# The analyzer is also built with AddressSanitizer and UBSan, and every
# lit test runs against both builds.
SAN_BUILD ?= $(BUILD)/sanitize
SAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

$(SAN_BUILD)/CMakeCache.txt: | setup
	@cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="$(SAN_FLAGS)" >/dev/null

test: build $(SAN_BUILD)/CMakeCache.txt
	@cmake --build $(SAN_BUILD) -j $(JOBS) >/dev/null
	@bash tools/run-tests.sh $(BUILD) $(SAN_BUILD)

bench: build
	@bash bench/run.sh $(BUILD)

# make install PREFIX=<dir>: the programs, plugin, headers, libcco, cco.pc,
# the CMake package, man pages and docs (DESTDIR is honoured).
PREFIX ?= /usr/local
install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

# make deb: Debian packages in $(BUILD)/deb (cancelcheck,
# cancelcheck-annotations, libcco0, libcco-dev), checked by lintian.
deb: build
	@bash tools/make-deb.sh $(BUILD) $(BUILD)/deb

# libFuzzer targets (fuzz/): their own tree, built with clang-19, each run
# for FUZZ_SECONDS on a working copy of its seed corpus.
FUZZ_BUILD ?= $(BUILD)/fuzz
FUZZ_SECONDS ?= 60

$(FUZZ_BUILD)/CMakeCache.txt: | setup
	@CC=clang-19 cmake -S fuzz -B $(FUZZ_BUILD) >/dev/null

fuzz: setup $(FUZZ_BUILD)/CMakeCache.txt
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) >/dev/null
	@bash fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD)
