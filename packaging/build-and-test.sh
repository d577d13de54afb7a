#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite
# (every fuzz target's corpus included, replayed), then the sanitizer and
# fuzzing half when CITYTWIN_SANITIZE_AND_FUZZ=1: packaging/sanitize-and-fuzz.sh
# builds a second tree with
# clang 14, AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer, runs
# the unit, GUI and mqtt tests in it and fuzzes every fuzz target for 30 s
# from its checked-in corpus. Any failure, sanitizer report or fuzz crash
# fails the run. CI runs exactly this (.ci/run); docs/testing.md has the
# stages and their measured times.
# The second half is opt-in until it has been seen to pass end to end within
# CI's budget (docs/testing.md). The tests start what they need themselves: an Xvfb X server
# for the GUI tests (unless DISPLAY is set) and mosquitto brokers on
# 127.0.0.1. Each stage prints how long it took ("stage NAME: N s").
set -euo pipefail
cd "$(dirname "$0")/.."
. packaging/stage-timer.sh
# The summary is printed on failure too: the log shows where the time went.
trap stage_summary EXIT
export CITYTWIN_STAGE_SUMMARY_SET=1  # sanitize-and-fuzz.sh: no summary of its own

stage install-deps ./packaging/install-deps.sh
stage gcc-build ./packaging/build.sh
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
stage gcc-tests ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 900
if [ "${CITYTWIN_SANITIZE_AND_FUZZ:-0}" != 0 ]; then
  ./packaging/sanitize-and-fuzz.sh
fi
