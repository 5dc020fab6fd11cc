# Thin wrapper over CMake/Ninja. `make demo` and `make test` install what they need (Debian
# packages, idempotently) and build first, so a fresh clone needs nothing else.
BUILD      ?= build
SAN_BUILD  ?= build-san
FUZZ_TIME  ?= 30
DEMO_DIR   ?= demo-out
CMAKE_FLAGS ?=
# ccache, when the machine has it, makes rebuilds in several checkouts cheap; nothing needs it.
LAUNCHER   := $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache,)

.PHONY: all setup build build-san bench-build test unit sanitize fuzz-smoke fuzz demo serve bench bench-national stress clean format tidy screenshots

all: build

setup:
	@bash scripts/setup.sh

# The benchmarks are built by `make bench` and compiled by `make test` (make demo does not need them).
build: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAIGO_WERROR=ON -DKAIGO_BENCH=OFF $(LAUNCHER) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD)

# clang with AddressSanitizer + UndefinedBehaviorSanitizer, and the libFuzzer targets. -O1 -g: line
# numbers in every report, and about a third less compile time than -O2 (make test stays well under
# 15 minutes on 2 cores).
build-san: setup
	@CC=clang CXX=clang++ cmake -S . -B $(SAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
	  -DKAIGO_WERROR=ON -DKAIGO_SANITIZE=ON -DKAIGO_FUZZ=ON -DKAIGO_BENCH=OFF $(LAUNCHER) >/dev/null
	@cmake --build $(SAN_BUILD)

unit: build
	@cd $(BUILD) && ctest --output-on-failure -j2

# tests/lsan.supp: leaks inside fontconfig and cairo (their caches and a cairo 1.16 bug), documented there.
sanitize: build-san
	@cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 ctest --output-on-failure -j2

fuzz-smoke: build-san
	@bash scripts/fuzz.sh $(SAN_BUILD) $(FUZZ_TIME)

# The benchmarks compiled (not run), after the release build's tests: make bench must not be found
# broken only when someone measures (it was: bench/auth_bench.cpp lost an include unnoticed).
bench-build: build
	@cmake -S . -B $(BUILD) -DKAIGO_BENCH=ON >/dev/null
	@cmake --build $(BUILD)

# The whole suite: unit and scenario tests, the benchmarks compiled, again under ASan/UBSan, then
# the reader fuzzer.
test: unit bench-build sanitize fuzz-smoke
	@echo "make test: all passed"

# The month under concurrency (docs/month.md): 1,000 rounds of racing submit, cancel and review
# processes, then the invariants. make test runs 6.
stress: build
	@cd $(BUILD) && KAIGO_STRESS_ROUNDS=$${STRESS_ROUNDS:-1000} ./tests/kaigo_tests --gtest_filter='MonthStress.*'

# The web pages photographed at 1366×768 into docs/images (the browser tests take them; under make
# test they go to $(BUILD)/screenshots so that a test run leaves the tree as it was).
screenshots: build
	@cd tests/browser && KAIGO_BIN=$(CURDIR)/$(BUILD)/kaigo KAIGO_SMTP_SINK=$(CURDIR)/$(BUILD)/tests/smtp_sink \
	  KAIGO_SCREENSHOT_DIR=$(CURDIR)/docs/images bash run.sh

fuzz: build-san
	@bash scripts/fuzz.sh $(SAN_BUILD) $${FUZZ_TIME:-600}

demo: build
	@bash scripts/demo.sh $(BUILD)/kaigo $(DEMO_DIR)

# kaigo serve on the demo month (https://127.0.0.1:8443) with demo accounts (docs/server.md).
serve: build
	@bash scripts/serve_demo.sh $(BUILD)/kaigo $(DEMO_DIR)

bench: bench-build
	@bash scripts/bench.sh $(BUILD)

# The national month (~15 M 明細書) end to end, timed; not in CI: it takes most of an hour and ~26 GB
# of disk (SCALE=0.1 for a tenth; docs/performance.md).
bench-national: build
	@bash scripts/bench_national.sh $(BUILD) $(or $(SCALE),1)

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

tidy: build
	@clang-tidy -p $(BUILD) $$(git ls-files 'src/*.cpp')

clean:
	@rm -rf $(BUILD) $(SAN_BUILD) $(DEMO_DIR)
