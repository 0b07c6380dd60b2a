"""A SQLite file at the newest schema is read at start with the sqlite3 module, exactly as the repositories read it."""

import subprocess
import sys
from pathlib import Path

from desktop.exchange import read_file
from desktop.storage import StorageError, open_database
from desktop.storage.quick_read import QuickReader

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "tests" / "data").glob("seed_*.fulian.json"))


def stored_seeds(path: Path) -> None:
    with open_database(path) as db:
        for seed in SEEDS:
            db.reports().save(read_file(seed))


def test_both_seeds_read_by_sqlite3_equal_the_repositories_reading(db_path):
    assert len(SEEDS) >= 2
    stored_seeds(db_path)
    with open_database(db_path) as db:
        units = db.units().list()
        quick = QuickReader(db_path, 1000)
        assert quick.units() == units
        for unit in units:
            years = db.reports().list_years(unit.id)
            assert quick.years(unit.id) == years
            for year in years:
                assert quick.report(unit.id, year) == db.reports().get(unit.id, year)
        assert quick.report(units[0].id, 1999) is None


def test_the_database_reads_without_sqlalchemy_until_a_query_needs_it(db_path):
    stored_seeds(db_path)
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from desktop.services.workspace import Workspace\n"
        "from desktop.storage import open_database\n"
        f"ws = Workspace(open_database({str(db_path)!r}))\n"
        "unit = ws.units()[0]\n"
        "report = ws.report_of(unit, ws.years(unit)[-1])\n"
        "print(report.unit.name, 'sqlalchemy' in sys.modules)\n"
        "ws.last_change(report)\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = result.stdout.splitlines()
    assert first.endswith(" False") and len(first) > len(" False")
    assert second == "True"


def test_a_damaged_file_gets_the_repositories_message(db_path):
    stored_seeds(db_path)
    db = open_database(db_path)  # at the newest schema: nothing read yet
    try:
        data = bytearray(db_path.read_bytes())
        data[4096:] = b"\xff" * (len(data) - 4096)  # every page after the first overwritten
        db_path.write_bytes(bytes(data))
        try:
            db.read_units()
        except StorageError as exc:
            assert exc.message  # the clerk's words, from the repositories
        else:
            raise AssertionError("a damaged file must be refused")
    finally:
        db.close()


def test_what_saving_needs_is_loaded_aside_once_the_report_is_shown(db_path):
    stored_seeds(db_path)
    code = (
        f"import sys, threading; sys.path.insert(0, {str(ROOT)!r})\n"
        "from desktop.services.workspace import Workspace\n"
        "from desktop.storage import open_database\n"
        f"ws = Workspace(open_database({str(db_path)!r}))\n"
        "unit = ws.units()[0]\n"
        "report = ws.report_of(unit, ws.years(unit)[-1])\n"
        "before = 'sqlalchemy' in sys.modules\n"
        "ws.prepare_in_background()\n"
        "for thread in threading.enumerate():\n"
        "    if thread is not threading.main_thread(): thread.join()\n"
        "print(before, 'sqlalchemy' in sys.modules, ws.last_change(report).revision == report.revision)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True", "True"]
