"""Two writers on one database: exactly one wins, the other is told why in Chinese, nothing is lost.

Each test runs on a SQLite file and on the PostgreSQL test server (`db_kind`).
"""

from __future__ import annotations

from desktop.domain.model import Activity
from desktop.services.editing import EditSession, SaveState
from desktop.storage import open_database

from .conftest import cli, trials


def fresh_locator(request, db_kind, folder) -> str:
    """A new, empty database for one trial: a file in `folder`, or a new database on the test server."""
    if db_kind == "sqlite":
        return str(folder / "fulian.db")
    server = request.getfixturevalue("pg_server")
    return server.url(server.new_database())


def test_two_imports_of_one_year_at_once_exactly_one_succeeds(request, db_kind, tmp_path, seed_paths, figures):
    for n in range(trials(3)):
        db = fresh_locator(request, db_kind, tmp_path / f"race{n}")
        first = cli("--db", str(db), "import", str(seed_paths[0]))
        second = cli("--db", str(db), "import", str(seed_paths[0]))
        outcomes = []
        for process in (first, second):
            out, err = process.communicate(timeout=120)
            outcomes.append((process.returncode, out, err))
        codes = sorted(code for code, _, _ in outcomes)
        loser = next((err for code, _, err in outcomes if code == 2), "")
        ok = codes == [0, 2] and "已有" in loser and "--replace" in loser and "Traceback" not in loser
        with open_database(db) as database:
            entries = database.reports().list_all()
            ok = ok and len(entries) == 1 and len(database.units().list()) == 1
        figures.trial(ok, repr(outcomes))


def test_cli_replace_against_two_gui_sessions_no_lost_update(db_locator, seed_paths, tmp_path, figures):
    """CLI + GUI and GUI + GUI: two edit sessions (two windows) and an import --replace on one file.

    The window-level test with key presses and the dialog is tests/ui/test_conflict.py; here the two
    sessions race many times for the figures.
    """
    with open_database(db_locator) as database:
        from desktop.services.workspace import Workspace

        Workspace(database).import_file(seed_paths[0])
    for n in range(trials(3)):
        with open_database(db_locator) as a_db, open_database(db_locator) as b_db:
            unit = a_db.units().list()[0]
            a = EditSession(a_db, a_db.reports().get(unit.id, 2024))
            b = EditSession(b_db, b_db.reports().get(unit.id, 2024))
            a.set("report.title", f"甲-{n}")
            b.set("report.problems", [f"乙-{n}"])
            a_ok = a.flush()
            b_ok = b.flush()  # b loaded the revision a has just replaced
            b.insert("report.activities", 0, Activity(title=f"乙的台账-{n}"))
            replaced = cli("--db", str(db_locator), "import", str(seed_paths[0]), "--replace")
            replaced.communicate(timeout=120)
            a.set("report.measures", [f"甲又改-{n}"])
            a_after = a.flush()
            stored = a_db.reports().get(unit.id, 2024)
        ok = (
            a_ok and not b_ok and b.state is SaveState.CONFLICT and len(b.unsaved) == 2
            and replaced.returncode == 0
            and not a_after and a.state is SaveState.CONFLICT
            and stored.title != f"甲-{n}"  # the import replaced it, and neither stale window wrote over it
            and stored.problems != [f"乙-{n}"] and stored.measures != [f"甲又改-{n}"]
            and all(x.title != f"乙的台账-{n}" for x in stored.activities)
        )
        figures.trial(ok, f"trial {n}: a={a_ok},{a_after} b={b_ok} rc={replaced.returncode}")
