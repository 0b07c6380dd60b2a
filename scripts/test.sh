#!/usr/bin/env bash
# Set up (first time) and run the whole test suite, offscreen. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen

# The tests start a PostgreSQL cluster in /tmp/fulian-test-pg-*/ and stop it themselves; should pytest be
# killed outright, stop each cluster whose test process (owner.pid) is gone, so that no server outlives
# the run (a cluster of another test run still going is left alone).
stop_left_clusters() {
  for data in /tmp/fulian-test-pg-*/data; do
    [ -f "$data/postmaster.pid" ] || continue
    owner=$(cat "$(dirname "$data")/owner.pid" 2>/dev/null || echo "")
    [ -n "$owner" ] && kill -0 "$owner" 2>/dev/null && continue
    pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    else
      "$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$(dirname "$data")"
  done
}
trap stop_left_clusters EXIT
.venv/bin/python -m pytest "$@"
