"""Root test configuration: Qt runs offscreen, fixtures give real databases and the seed reports.

Every test that opens a database does so through `db_locator` (or `database`/`workspace`/`db`, built
on it) and runs twice: on a SQLite file and on a real PostgreSQL server (tests/pg_server.py). What is
about the SQLite file itself stays SQLite-only, each with its server counterpart where one exists:

- file header, damaged page, a file that is no database, another program's SQLite file
  (storage/test_database.py, reliability/test_environment.py): the server owns its files;
  counterparts: a foreign and a newer server database (test_server_database.py, test_environment.py).
- locked file, busy timeout, writers taking the lock at BEGIN, pragmas, WAL, network share, folder
  permissions and a read-only or full tmpfs under the file (storage/test_database.py, test_engine.py,
  reliability/test_environment.py, services/test_editing.py): counterparts: a table locked past the
  lock timeout, a read-only login, a full server disk (tablespace on a tmpfs), the server stopped and
  killed mid-save, connections dropped (test_environment.py, test_server_database.py, test_editing.py).
- file backups beside the database, their upgrade and the fast at-head check without Alembic
  (storage/test_migrations.py, test_revisions.py, services/test_restore.py, the SQLite case of
  ui/test_restore_dialog.py): counterparts: data-file backup folders of a server upgrade and their
  restore (test_server_database.py, services/test_restore_server.py, ui/test_restore_dialog.py).
- SQLite's index names and column types (storage/test_schema.py): counterpart: the server's indexes
  and 64-bit money (test_schema.py).
- the kills of export and export-data (reliability/test_crash.py): the database is only read there;
  what is checked is the file written, which does not depend on the database.
"""

import os
import subprocess

# Must happen before any QApplication exists, or Qt aborts the process without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA

SEED_000 = DATA / "seed_000_jinkouhe_2024.fulian.json"
SEED_004 = DATA / "seed_004_huangpu_2022.fulian.json"


@pytest.fixture
def seed_paths() -> list[Path]:
    return [SEED_000, SEED_004]


@pytest.fixture(autouse=True)
def _own_user_data_folder(tmp_path_factory, monkeypatch):
    """Each test has its own user data folder: what the program keeps there (edits a failed save kept,
    the database choice, logs) never comes from the tester's own folder or from another test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A fresh database file location (created and migrated by whoever opens it)."""
    return tmp_path / "data" / "fulian.db"


# ------------------------------------------------------------------ SQLite and PostgreSQL alike


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the whole session, started on first use, stopped at the end."""
    from tests.pg_server import destroy, start_server

    server = start_server()
    try:
        yield server
    finally:
        destroy(server)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_kind(request) -> str:
    """Which database the test runs on: every storage, workspace, service and CLI test runs on both."""
    return request.param


@pytest.fixture
def db_locator(request, db_kind, tmp_path) -> str:
    """What --db takes: a fresh SQLite file, or a fresh empty database on the test PostgreSQL server."""
    if db_kind == "sqlite":
        yield str(tmp_path / "data" / "fulian.db")
        return
    server = request.getfixturevalue("pg_server")
    name = server.new_database()
    yield server.url(name)
    server.drop_database(name)


@pytest.fixture
def open_db(tmp_path):
    """open_database for the test's locator; backups of a server database go to the test's folder."""
    from desktop.storage import open_database

    opened = []

    def open_it(locator, **options):
        options.setdefault("backup_root", tmp_path / "backups")
        db = open_database(locator, **options)
        opened.append(db)
        return db

    yield open_it
    for db in opened:
        db.close()


@pytest.fixture
def database(db_locator, open_db):
    return open_db(db_locator)


@pytest.fixture
def workspace(database):
    from desktop.services.workspace import Workspace

    return Workspace(database)


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs (root only); remounted read-only or filled by the tests."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder = tmp_path / "disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)]).returncode != 0:
        pytest.skip("this machine cannot mount a tmpfs")
    yield folder
    subprocess.run(["umount", "-l", str(folder)])


@pytest.fixture
def make_immutable():
    """`make_immutable(path)`: the file can be neither replaced nor removed (chattr +i, root only), as a
    file Word holds open on Windows; undone after the test."""
    if os.geteuid() != 0:
        pytest.skip("chattr +i needs root")
    made: list[Path] = []

    def make(path: Path) -> None:
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("this file system has no immutable files")
        made.append(path)

    yield make
    for path in made:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
