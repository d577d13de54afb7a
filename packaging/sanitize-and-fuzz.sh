#!/usr/bin/env bash
# The second half of CI (run by build-and-test.sh after the gcc build and its
# full test suite): one clang tree with AddressSanitizer, UndefinedBehavior-
# Sanitizer and libFuzzer instrumentation (-DCITYTWIN_SANITIZE=ON
# -DCITYTWIN_FUZZ=ON, cmake/CitytwinTarget.cmake), then
#   1. the unit, GUI and mqtt tests in it, under ASan + UBSan + LeakSanitizer;
#   2. every fuzz target for FUZZ_SECONDS (default 30) from its checked-in
#      corpus; a crash, leak, timeout or sanitizer report fails the run and
#      leaves the input in $BUILD_DIR/fuzz-artifacts/ (add it to
#      tests/fuzz/corpus/<target>/ once fixed: docs/testing.md).
# Environment: CITYTWIN_ASAN_BUILD_DIR (default build-asan), FUZZ_SECONDS,
# CITYTWIN_ASAN_TESTS=0 / CITYTWIN_FUZZ_RUN=0 skip a half.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD_DIR=${CITYTWIN_ASAN_BUILD_DIR:-build-asan}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
CLANG=${CITYTWIN_CLANG:-clang-14}
CLANGXX=${CITYTWIN_CLANGXX:-clang++-14}

CONFIGURE=(-DCMAKE_C_COMPILER="$CLANG" -DCMAKE_CXX_COMPILER="$CLANGXX"
  -DCITYTWIN_SANITIZE=ON -DCITYTWIN_FUZZ=ON
  # Line tables only: full stack traces in sanitizer reports, and a fraction
  # of -g's debug info to write and link (compile time is the same).
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG"
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG"
  # The benchmarks measure speed: meaningless under the sanitizers.
  -DCITYTWIN_BUILD_BENCH=OFF)
if command -v ccache >/dev/null 2>&1; then
  CONFIGURE+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# Findings fail: ASan and LSan exit non-zero, UBSan aborts (the tree is built
# with -fno-sanitize-recover=undefined). The only suppressions are leaks in
# third-party libraries, each explained in the file. No strict_string_checks:
# it makes strndup(s, n) read s up to a NUL that need not exist, and
# libxkbcommon-x11 strndup()s the unterminated atom names of X replies (legal:
# it reads n bytes), so every window failed with a heap-buffer-overflow
# inside xkb_x11_keymap_new_from_device that is not one.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=0:check_initialization_order=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/tests/sanitizers/lsan.supp:print_suppressions=0}
command -v llvm-symbolizer-14 >/dev/null 2>&1 &&
  export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-14)}

# Run alone (not from build-and-test.sh) it prints its own stage summary.
. packaging/stage-timer.sh
if [ -z "${CITYTWIN_STAGE_SUMMARY_SET:-}" ]; then
  export CITYTWIN_STAGE_SUMMARY_SET=1
  trap stage_summary EXIT
fi

stage asan-configure cmake -S . -B "$BUILD_DIR" -G Ninja "${CONFIGURE[@]}"
stage asan-build cmake --build "$BUILD_DIR" -j "$(nproc)"

if [ "${CITYTWIN_ASAN_TESTS:-1}" != 0 ]; then
  # The unit, GUI and mqtt tests and the fuzz corpus replays (libFuzzer
  # -runs=0) under ASan + UBSan + LSan; shared-data tests too where
  # ../shared/data is present. Not here, each for a reason:
  #  - packaging: it builds a Debian package with cpack and installs it with
  #    dpkg as root; an instrumented build is not what we ship, and lintian
  #    (rightly) rejects binaries that need the ASan runtime.
  #  - slow: the damaged-tile sweep (every sample tile cut at every 5 kB,
  #    4 min in the gcc tree, each cut a crash inside OSG's uninstrumented
  #    reader in a child process) and the real cell-tower data set; both run
  #    in the gcc half, and under ASan they alone would take most of CI's
  #    budget without reaching code of ours the other tests do not.
  stage asan-tests ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 1800 \
    -LE 'packaging|slow|gui'
  # The GUI tests under ASan + UBSan without LeakSanitizer: every window
  # process (in-process tests and the spawned citytwin alike) ends with a
  # few hundred bytes "leaked" from <unknown module>, i.e. allocated by a
  # library unloaded before exit (Mesa's GL driver and Qt's plugins are
  # dlclose()d), so no suppression can name it and no frame of ours shows.
  # Leaks in our code are caught by the other tests, which run the same
  # libraries without a window.
  stage asan-gui-tests env ASAN_OPTIONS="${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}" \
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 1800 \
    -L gui -LE 'packaging|slow'
fi

if [ "${CITYTWIN_FUZZ_RUN:-1}" != 0 ]; then
  # One target per core: 17 targets x 30 s take under 5 min on 2 cores.
  stage fuzz env CITYTWIN_ASAN_BUILD_DIR="$BUILD_DIR" FUZZ_JOBS="${FUZZ_JOBS:-$(nproc)}" \
    ./bench/fuzz/run_campaign.sh "$FUZZ_SECONDS"
fi
