#!/usr/bin/env bash
# Configures and builds citytwin into build/ (executables in build/bin).
# Extra arguments go to the CMake configure step, e.g. -DCITYTWIN_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} "$@"
cmake --build "$BUILD_DIR" -j "$(nproc)"
