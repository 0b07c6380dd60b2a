#!/usr/bin/env bash
# Set up (first time) and start fulian-desk on the embedded SQLite database.
# Extra arguments go to the program, e.g. --db /path/to/fulian.db
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
  echo "未检测到图形界面（DISPLAY 未设置），在虚拟屏幕 Xvfb 中启动。No display: starting under xvfb-run." >&2
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/fulian-desk "$@"
fi
exec .venv/bin/fulian-desk "$@"
