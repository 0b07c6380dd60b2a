"""kill -9 during a collect: every township's report is wholly the old one or wholly the new one.

On a SQLite file and on the PostgreSQL test server (`db_kind`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from desktop.exchange import read_file
from desktop.services.workspace import Workspace
from desktop.storage import open_database

from ..conftest import SEED_000
from .township_files import DISTRICT, YEAR, township_report, write_report

ROOT = Path(__file__).resolve().parents[2]
TOWNSHIPS = 6
OLD_LINES, NEW_LINES = 400, 700


def _write_round(folder: Path, lines: int, when: datetime) -> None:
    seed = read_file(SEED_000)
    folder.mkdir(parents=True)
    for i in range(TOWNSHIPS):
        write_report(township_report(seed, i, lines), folder / f"{i}.fulian.json", when)


def _collect(db: Path | str, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--db", str(db), "collect", str(folder), "--district", DISTRICT, "--year", str(YEAR)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _state(db: Path | str) -> list[tuple[int, str]]:
    database = open_database(db)
    try:
        workspace = Workspace(database)
        from desktop.services.district import district_status

        return [(r.figures.totals.activities, r.submission.file_name) for r in district_status(workspace, DISTRICT, YEAR)]
    finally:
        database.close()


def test_kill_during_collect_leaves_each_township_wholly_old_or_new(request, db_kind, tmp_path):
    def fresh(name: str) -> str:
        if db_kind == "sqlite":
            return str(tmp_path / f"{name}.db")
        server = request.getfixturevalue("pg_server")
        return server.url(server.new_database())

    old, new = tmp_path / "old", tmp_path / "new"
    _write_round(old, OLD_LINES, datetime(2025, 3, 1, tzinfo=timezone.utc))
    _write_round(new, NEW_LINES, datetime(2025, 3, 9, tzinfo=timezone.utc))
    # Kill at fractions of how long an uninterrupted collect of the new round takes on this machine,
    # so that the kills land inside the collect however fast or loaded the machine is.
    timing_db = fresh("timing")
    assert _collect(timing_db, old).wait(timeout=300) == 0
    started = time.monotonic()
    assert _collect(timing_db, new).wait(timeout=300) == 0
    duration = time.monotonic() - started
    killed_midway = 0
    for trial, fraction in enumerate((0.3, 0.45, 0.6, 0.75, 0.9)):
        db = fresh(f"trial{trial}")
        assert _collect(db, old).wait(timeout=300) == 0
        assert sorted(_state(db)) == [(OLD_LINES, f"{i}.fulian.json") for i in range(TOWNSHIPS)]
        process = _collect(db, new)
        time.sleep(duration * fraction)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed_midway += 1
        process.wait(timeout=300)
        state = _state(db)
        assert len(state) == TOWNSHIPS
        for lines, file_name in state:
            # The report and the record of its file moved together, in one transaction.
            assert lines in (OLD_LINES, NEW_LINES) and file_name.endswith(".fulian.json")
        database = open_database(db)
        try:
            workspace = Workspace(database)
            for entry in workspace.entries():
                report = workspace.open_report(entry.unit.name, YEAR)
                assert len(report.activities) in (OLD_LINES, NEW_LINES)
                # Wholly one or the other: every ledger line has the variation of one version only.
                assert len({a.key for a in report.activities}) == len(report.activities)
        finally:
            database.close()
    assert killed_midway >= 1  # at least one collect was really interrupted
