#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite
# (every fuzz target's corpus included, replayed). CI runs exactly this.
# CITYTWIN_SANITIZE_AND_FUZZ=1 then runs packaging/sanitize-and-fuzz.sh: a
# second tree with clang, AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer, the unit and GUI tests in it and every fuzz target for 30 s.
# It is off by default until the whole suite has been seen to pass under
# the sanitizers within CI's time budget (issue #19; docs/testing.md).
# The tests start what they need themselves: an Xvfb X server for the GUI
# tests (unless DISPLAY is set) and mosquitto brokers on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
./packaging/build.sh
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 900
if [ "${CITYTWIN_SANITIZE_AND_FUZZ:-0}" != 0 ]; then
  ./packaging/sanitize-and-fuzz.sh
fi
