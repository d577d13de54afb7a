#!/usr/bin/env bash
# The main job: installs what is missing (Debian packages), builds citytwin
# and opens the Shanghai demo. Arguments are passed to citytwin (see
# build/bin/citytwin --help). With no display at all it renders the demo
# under Xvfb to citytwin-demo.png instead of opening a window.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
# Only the window and what it links: the tests and benchmarks come with the
# test command.
./packaging/build.sh --target citytwin
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-demo: no display; rendering the demo to $(pwd)/citytwin-demo.png under Xvfb"
  exec xvfb-run -a -s "-screen 0 1920x1080x24" build/bin/citytwin --snapshot citytwin-demo.png "$@"
fi
exec build/bin/citytwin "$@"
