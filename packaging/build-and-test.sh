#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite.
# The tests start what they need themselves: an Xvfb X server for the GUI
# tests (unless DISPLAY is set) and mosquitto brokers on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
./packaging/build.sh
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure -j 2 --timeout 900
