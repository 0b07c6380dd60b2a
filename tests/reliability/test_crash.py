"""Crash trials: kill -9 at random points of import, import --replace, export-data, export and GUI autosave.

After each kill: PRAGMA integrity_check is ok, the report is wholly old or wholly new, no file under a
final name is partial, and every save the window reported as 已保存 is in the database. FULIAN_TRIALS
sets the number of trials (bench/bench_reliability.py runs many).

The kills of a writer (import, import --replace, GUI autosave) also run against the PostgreSQL test
server (`db_kind`): a program killed mid-transaction must leave the server's data wholly old or new.
The kills of the exports stay on SQLite: the database is only read there, and what is checked is the
file written, which does not depend on the database.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from desktop.exchange import read_file

from .conftest import ROOT, cli, trials
from .crash import big_exchange_file, final_files, integrity_ok, is_server, report_state, run_and_kill

UNIT = "乐山市金口河区妇女联合会"


@pytest.fixture(scope="module")
def big_file(tmp_path_factory, seed_paths_module):
    return big_exchange_file(seed_paths_module[0], tmp_path_factory.mktemp("big") / "big.fulian.json")


@pytest.fixture(scope="module")
def seed_paths_module():
    from tests.conftest import SEED_000, SEED_004

    return [SEED_000, SEED_004]


@pytest.fixture(scope="module")
def old_db(tmp_path_factory, seed_paths_module):
    """A database holding the seed (the "old" report), made once and copied for each trial."""
    path = tmp_path_factory.mktemp("old") / "fulian.db"
    process = cli("--db", str(path), "import", str(seed_paths_module[0]))
    process.communicate(timeout=120)
    assert process.returncode == 0
    return path


@pytest.fixture(scope="module")
def big_db(tmp_path_factory, big_file):
    """A database holding the 20,000-line report, for exports long enough to be killed half-way."""
    path = tmp_path_factory.mktemp("bigdb") / "fulian.db"
    process = cli("--db", str(path), "import", str(big_file))
    process.communicate(timeout=300)
    assert process.returncode == 0
    return path


def fresh_copy(old_db: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "fulian.db"
    shutil.copy(old_db, target)
    return target


@pytest.fixture(scope="module")
def old_server_db(request, seed_paths_module):
    """The seed on the test server, made once; each trial works on a copy (CREATE DATABASE … TEMPLATE)."""
    server = request.getfixturevalue("pg_server")
    name = server.new_database()
    process = cli("--db", server.url(name), "import", str(seed_paths_module[0]))
    process.communicate(timeout=120)
    assert process.returncode == 0
    return name


@pytest.fixture
def new_db(request, db_kind, tmp_path):
    """new_db(n): an empty database for trial n; new_db(n, old=True): one holding the seed."""

    def make(n: int, old: bool = False) -> str:
        if db_kind == "sqlite":
            if old:
                return str(fresh_copy(request.getfixturevalue("old_db"), tmp_path / f"t{n}"))
            return str(tmp_path / f"t{n}" / "fulian.db")
        server = request.getfixturevalue("pg_server")
        if old:
            return server.url(server.copy_database(request.getfixturevalue("old_server_db")))
        return server.url(server.new_database())

    return make


def uninterrupted_seconds(args: list[str]) -> float:
    """How long the command takes here when nobody kills it (process start included)."""
    import time

    started = time.monotonic()
    process = cli(*args)
    process.communicate(timeout=300)
    assert process.returncode == 0
    return time.monotonic() - started


def test_kill_during_import_of_a_big_file_leaves_nothing_or_everything(new_db, big_file, figures):
    rng = random.Random(11)
    whole = uninterrupted_seconds(["--db", new_db(-1), "import", str(big_file)])
    for n in range(trials(2)):
        db = new_db(n)
        # Killed at a fraction of what the whole import takes here, so that the kill lands mid-way.
        killed, delay = run_and_kill(["--db", str(db), "import", str(big_file)], 0.3 * whole, 0.95 * whole, rng)
        present = is_server(db) or (Path(db).exists() and Path(db).stat().st_size)
        state = report_state(db) if present else None
        ok = (not present or integrity_ok(db)) and state in (None, ("新的报告（大台账）", 20_000))
        figures.trial(ok, f"trial {n} after {delay:.2f}s (killed={killed}): {state}", killed)


def test_kill_during_import_replace_leaves_old_or_new(new_db, big_file, figures):
    rng = random.Random(12)
    measured = new_db(-1, old=True)
    old = report_state(measured)
    whole = uninterrupted_seconds(["--db", measured, "import", str(big_file), "--replace"])
    for n in range(trials(2)):
        db = new_db(n, old=True)
        killed, delay = run_and_kill(
            ["--db", str(db), "import", str(big_file), "--replace"], 0.3 * whole, 0.95 * whole, rng
        )
        state = report_state(db)
        ok = integrity_ok(db) and state in (old, ("新的报告（大台账）", 20_000))
        figures.trial(ok, f"trial {n} after {delay:.2f}s (killed={killed}): {state}", killed)


def test_kill_during_export_data_leaves_no_partial_file(tmp_path, big_db, figures):
    rng = random.Random(13)
    for n in range(trials(2)):
        db = fresh_copy(big_db, tmp_path / f"t{n}")
        out = tmp_path / f"t{n}" / "out"
        out.mkdir()
        killed, delay = run_and_kill(
            ["--db", str(db), "export-data", "--unit", UNIT, "--year", "2024", str(out / "导出.fulian.json")], 0.3, 5.0, rng
        )
        files = final_files(out)
        ok = integrity_ok(db) and len(files) <= 1 and all(len(read_file(f).activities) == 20_000 for f in files)
        figures.trial(ok, f"trial {n} after {delay:.2f}s (killed={killed}): {[f.name for f in files]}", killed)


def _complete_document(path: Path) -> bool:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return archive.testzip() is None and "word/document.xml" in archive.namelist()
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return len(PdfReader(str(path)).pages) > 0
    return False


def test_kill_during_export_leaves_no_partial_document(tmp_path, old_db, figures):
    rng = random.Random(14)
    for n in range(trials(2)):
        db = fresh_copy(old_db, tmp_path / f"t{n}")
        out = tmp_path / f"t{n}" / "out"
        killed, delay = run_and_kill(
            ["--db", str(db), "export", "--unit", UNIT, "--year", "2024", "--out", str(out)], 0.5, 7.0, rng
        )
        files = final_files(out)
        ok = integrity_ok(db) and all(_complete_document(f) for f in files)
        figures.trial(ok, f"trial {n} after {delay:.2f}s (killed={killed}): {[f.name for f in files]}", killed)


AUTOSAVE = textwrap.dedent(
    """
    import sys
    from decimal import Decimal
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from PySide6.QtWidgets import QApplication
    from desktop.services.editing import SaveState
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database
    from desktop.ui.main_window import MainWindow

    app = QApplication([])
    window = MainWindow(Workspace(open_database({db!r})))
    window.show()
    editor = window.editor
    n = 0
    while True:
        n += 1
        editor.set("report.finance.carry_over_start", Decimal(n))
        editor.set("report.problems", ["第 %d 次修改" % n])
        app.processEvents()
        if editor.flush() and editor.save_state is SaveState.SAVED:
            print(n, flush=True)  # what the window shows as 已保存
    """
)


def test_kill_during_gui_autosave_keeps_every_acknowledged_save(tmp_path, new_db, figures):
    import os
    import signal
    import time

    from desktop.storage import open_database

    rng = random.Random(15)
    for n in range(trials(2)):
        db = new_db(n, old=True)
        (tmp_path / f"t{n}").mkdir(exist_ok=True)
        script = tmp_path / f"t{n}" / "autosave.py"
        script.write_text(AUTOSAVE.format(root=str(ROOT), db=str(db)), encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env)
        acknowledged = 0
        delay = rng.uniform(0.5, 3.0)
        started = None
        for line in process.stdout:  # wait for the first acknowledged save, then kill at a random moment
            acknowledged = int(line)
            started = started or time.monotonic()
            if time.monotonic() - started >= delay:
                os.kill(process.pid, signal.SIGKILL)
                break
        rest = process.communicate(timeout=60)[0]
        for line in rest.split():
            acknowledged = max(acknowledged, int(line))
        with open_database(db) as database:
            unit = database.units().list()[0]
            stored = database.reports().get(unit.id, 2024)
        value = int(stored.finance.carry_over_start or 0)
        ok = (
            integrity_ok(db)
            and acknowledged > 0
            and value >= acknowledged
            and stored.problems == [f"第 {value} 次修改"]  # one save is whole: both fields of one round
        )
        figures.trial(ok, f"trial {n}: acknowledged {acknowledged}, stored {value}, {stored.problems}", True)
