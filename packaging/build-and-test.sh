#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite;
# then (packaging/sanitize-and-fuzz.sh) builds a second tree with clang,
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer, runs the unit
# and GUI tests in it and every fuzz target for 30 s. CI runs exactly this.
# The tests start what they need themselves: an Xvfb X server for the GUI
# tests (unless DISPLAY is set) and mosquitto brokers on 127.0.0.1.
# CITYTWIN_SANITIZE_AND_FUZZ=0 stops after the first (gcc) half.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
./packaging/build.sh
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 900
if [ "${CITYTWIN_SANITIZE_AND_FUZZ:-1}" != 0 ]; then
  ./packaging/sanitize-and-fuzz.sh
fi
