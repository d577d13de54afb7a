#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite
# in two halves (docs/testing.md has the stages and their measured times):
#  1. gcc: packaging/build.sh builds the whole tree (plain, optimised: what
#     we ship and what the demo runs) and ctest runs in it the tests the
#     sanitized half leaves out: `packaging` (builds and installs the Debian
#     package) and `slow` (the damaged-tile sweep, the real cell-tower set);
#  2. clang + sanitizers + fuzzing: packaging/sanitize-and-fuzz.sh builds a
#     second tree with clang 14, AddressSanitizer, UndefinedBehaviorSanitizer
#     and libFuzzer, runs every other test in it (unit, GUI, mqtt, pg, shared,
#     the fuzz corpus replays) and fuzzes every fuzz target for 30 s from its
#     checked-in corpus.
# So every test runs once, the tree is built (warnings as errors) by both
# compilers, and any failure, sanitizer report or fuzz crash fails the run.
# CI runs exactly this (.ci/run). CITYTWIN_SANITIZE_AND_FUZZ=0 skips the
# second half and runs the whole suite in the gcc tree instead;
# CITYTWIN_GCC_FULL_SUITE=1 runs the whole suite in the gcc tree as well.
# The tests start what they need themselves: an Xvfb X server
# for the GUI tests (unless DISPLAY is set), mosquitto brokers and PostgreSQL
# clusters on 127.0.0.1. Each stage prints how long it took ("stage NAME: N s").
set -euo pipefail
cd "$(dirname "$0")/.."
. packaging/stage-timer.sh
# The summary is printed on failure too: the log shows where the time went.
trap stage_summary EXIT
export CITYTWIN_STAGE_SUMMARY_SET=1  # sanitize-and-fuzz.sh: no summary of its own

stage install-deps ./packaging/install-deps.sh
stage gcc-build ./packaging/build.sh
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
SANITIZE_AND_FUZZ=${CITYTWIN_SANITIZE_AND_FUZZ:-0}
if [ "$SANITIZE_AND_FUZZ" != 0 ] && [ "${CITYTWIN_GCC_FULL_SUITE:-0}" = 0 ]; then
  # The rest of the suite runs sanitized in the second half.
  stage gcc-tests ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 900 \
    -L 'packaging|slow'
else
  stage gcc-tests ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 900
fi
if [ "$SANITIZE_AND_FUZZ" != 0 ]; then
  ./packaging/sanitize-and-fuzz.sh
fi
