#!/usr/bin/env bash
# Configures and builds citytwin into build/ (executables in build/bin).
#   ./packaging/build.sh                  everything: libraries, programs, tests, benchmarks
#   ./packaging/build.sh --target citytwin   only what that target needs (the demo)
# Other arguments go to the CMake configure step, e.g. -DCITYTWIN_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${CITYTWIN_BUILD_DIR:-build}
TARGETS=()
CONFIGURE=()
while [ $# -gt 0 ]; do
  case "$1" in
    --target) TARGETS+=(--target "$2"); shift 2 ;;
    *) CONFIGURE+=("$1"); shift ;;
  esac
done
# ccache, where installed, keeps rebuilds of unchanged files cheap.
if command -v ccache >/dev/null 2>&1; then
  CONFIGURE+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} "${CONFIGURE[@]}"
cmake --build "$BUILD_DIR" -j "$(nproc)" "${TARGETS[@]}"
