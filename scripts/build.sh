#!/usr/bin/env bash
# Build the onedir bundle with PyInstaller and prove it: the frozen self-test of both executables.
# Prints the build time and the bundle size.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --log-level WARN build.spec
# A Python built from source (pyenv, as on a build machine) keeps its debug information in libpython and
# its extension modules, about 30 MB the program never reads: those sections go (code is untouched).
find dist/fulian-desk -type f \( -name "*.so" -o -name "*.so.*" \) -print0 |
  while IFS= read -r -d '' binary; do
    if readelf -S "$binary" 2>/dev/null | grep '\.debug_info' >/dev/null; then strip --strip-debug "$binary"; fi
  done
echo "bundle built in $(( $(date +%s) - started )) s; size $(du -sh dist/fulian-desk | cut -f1)"
# The installer is sent to township offices by e-mail and USB stick: the bundle stays within 250 MB.
size_mb=$(du -sm dist/fulian-desk | cut -f1)
if [ "$size_mb" -gt 250 ]; then
  echo "bundle is ${size_mb} MB, over the 250 MB limit: leave out what the program does not load (build.spec)" >&2
  exit 1
fi
# The fonts' parsed metrics (made by setup.sh) go with the program: its first PDF on a PC parses no font.
metrics=$(find dist/fulian-desk -path "*/resources/fonts/metrics/*.pickle" | wc -l)
if [ "$metrics" -eq 0 ]; then
  echo "the bundle has no font metrics: scripts/make_font_metrics.py (run by setup.sh) did not make them" >&2
  exit 1
fi
# No screen is needed: the self-test never opens a window.
dist/fulian-desk/fulian --self-test
QT_QPA_PLATFORM=offscreen dist/fulian-desk/fulian-desk --self-test
# And on a shared database: the bundle carries the PostgreSQL driver (psycopg and its libpq) and works on
# a server. A throw-away server (Debian's postgresql, installed by setup.sh; initdb/pg_ctl in a temporary
# folder, 127.0.0.1 only) is started for it and stopped afterwards.
.venv/bin/python -m tests.pg_server dist/fulian-desk/fulian --db '{url}' --self-test
QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.pg_server dist/fulian-desk/fulian-desk --db '{url}' --self-test
