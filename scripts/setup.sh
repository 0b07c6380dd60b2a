#!/usr/bin/env bash
# Prepare a development machine (Debian/Ubuntu): system libraries Qt and the document checks need,
# and a virtual environment in .venv with the program installed in editable mode.
# Usage: bash scripts/setup.sh [app|test|build]
#   test adds LibreOffice, poppler and the test packages; build adds PyInstaller and binutils.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-app}"

# Libraries PySide6 loads on Linux (offscreen and xcb), a CJK font, and Xvfb for a window without a screen.
APP_PACKAGES=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 fonts-wqy-microhei xvfb xauth)
# Real clients the tests open our documents with, and a real PostgreSQL server (the tests run their own
# throw-away cluster with its initdb/pg_ctl; the service the package sets up is not used).
TEST_PACKAGES=(poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui postgresql)
# PyInstaller reads shared libraries with objdump; the bundle's self-test also runs on a throw-away
# PostgreSQL server.
BUILD_PACKAGES=(binutils postgresql)

packages=("${APP_PACKAGES[@]}")
[ "$purpose" = test ] && packages+=("${TEST_PACKAGES[@]}")
[ "$purpose" = build ] && packages+=("${BUILD_PACKAGES[@]}")

if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extras=""
[ "$purpose" = test ] && extras="[test]"
[ "$purpose" = build ] && extras="[build]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
# The bundled fonts' parsed metrics (resources/fonts/metrics): the first PDF on a PC parses no font.
.venv/bin/python scripts/make_font_metrics.py
