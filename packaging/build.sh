#!/usr/bin/env bash
# Configures and builds citytwin into build/ (executables in build/bin).
# Extra arguments go to the CMake configure step, e.g. -DCITYTWIN_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
# ccache, where installed, keeps rebuilds of unchanged files cheap.
LAUNCHER=()
if command -v ccache >/dev/null 2>&1; then
  LAUNCHER=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} "${LAUNCHER[@]}" "$@"
cmake --build "$BUILD_DIR" -j "$(nproc)"
