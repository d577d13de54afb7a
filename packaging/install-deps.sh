#!/usr/bin/env bash
# Installs citytwin's build, run and test dependencies from Debian bookworm
# packages only. Idempotent: packages already present are skipped, and apt is
# not touched at all when nothing is missing.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format ccache
  # CI's second tree: clang with its ASan/UBSan/libFuzzer runtimes and symbolizer
  clang-14 libclang-rt-14-dev llvm-14
  # GUI and rendering
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libgl-dev libglu1-mesa-dev libgl1-mesa-dri
  libopenscenegraph-dev openscenegraph fonts-wqy-microhei
  # geodata
  libgdal-dev gdal-bin libproj-dev proj-bin proj-data libsqlite3-dev sqlite3 libssl-dev
  # sensors, models
  libmosquitto-dev mosquitto mosquitto-clients nlohmann-json3-dev libtinygltf-dev libdraco-dev
  libcitygml-dev libxerces-c-dev
  # the kiosk: sd_notify under systemd
  libsystemd-dev
  # tests: unit tests, a real X server for the GUI tests
  libgtest-dev libgmock-dev xvfb xauth
  # tests: the kiosk escape checklist (keys, a window manager, screenshots)
  xdotool openbox scrot
  # citytwin --record encodes the scenario video (and its tests count and compare frames)
  ffmpeg
  # tests: a local HTTP server for the 3D Tiles over HTTP tests
  python3
  # shared deployments (docs/deployment.md): PostGIS projects and a PostgreSQL
  # sensor store through libpq, tiles from nginx; the tests start their own
  # servers (label pg, http)
  libpq-dev postgresql-15 postgresql-15-postgis-3 postgresql-15-postgis-3-scripts nginx-light
  libcurl4-openssl-dev
  # CityGML buildings
  libcitygml-dev
  # the Debian package (cpack -G DEB): icons rendered from the SVG, man pages
  # from --help, and the checkers the packaging test runs
  # tests: the inspection reports are checked with pdfinfo, pdftotext, pdftoppm, pdfimages
  poppler-utils
  librsvg2-bin help2man gzip dpkg-dev lintian appstream desktop-file-utils
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
