"""The database: a file (checked, opened with the right pragmas) or a server, migrated to the current schema."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from .engine import BUSY_TIMEOUT_MS, make_engine
from .errors import DatabaseLockedError, NetworkLocationError, NotADatabaseError
from .handle import Database
from .location import is_network_location
from .revisions import at_head
from .server import ServerLocation, is_server_locator
from .translate import translated

SQLITE_HEADER = b"SQLite format 3\x00"


def check_database_file(path: Path) -> None:
    """Refuse a path SQLite must not or cannot use, before SQLite touches it."""
    if is_network_location(path):
        raise NetworkLocationError(path)
    if path.is_dir():
        raise NotADatabaseError(path, "这是一个文件夹，不是数据库文件")
    if path.exists():
        with translated(path, os_errors=True), open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
        # An empty file is a database not yet written (SQLite creates it so, too).
        if header and header != SQLITE_HEADER:
            raise NotADatabaseError(path)


def check_writable(path: Path) -> None:
    """Refuse a read-only file or folder with a clear message (SQLite would only say "unable to open").

    Under WAL, SQLite writes fulian.db-wal and fulian.db-shm beside the database, so the folder must be
    writable as well as the file.
    """
    with translated(path, os_errors=True):
        with tempfile.TemporaryFile(dir=path.parent, prefix=".fulian-probe-"):
            pass
        if path.exists():
            with open(path, "r+b"):
                pass


def open_database(
    path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, scripts: Path | None = None, **server_options
) -> Database:
    """Open (creating folders and file when needed) the database at `path`, upgraded to the current schema.

    An existing database is backed up beside itself before an upgrade. Raises StorageError kinds with a
    message for the clerk. `scripts` overrides the migration folder (db/), for tests of upgrades.
    `path` may instead be a server URL (postgresql://…): see server_database.open_server_database,
    which takes `server_options` (password, backup_root, timeouts).
    """
    if isinstance(path, ServerLocation) or is_server_locator(path):
        return _open_on_server(path, scripts, **server_options)
    path = Path(path)
    check_database_file(path)
    with translated(path, os_errors=True):
        path.parent.mkdir(parents=True, exist_ok=True)
    check_writable(path)
    # Three busy timeouts: another program creating or upgrading the schema holds the write lock for
    # the whole migration, which on a slow PC can outlast one busy timeout.
    deadline = time.monotonic() + 3 * busy_timeout_ms / 1000
    while True:
        try:
            return _open_file(path, busy_timeout_ms, scripts)
        except DatabaseLockedError:
            # Two programs opening a new file at once can meet SQLite's lock while the other one
            # creates the schema or switches the file to WAL (steps where the busy timeout does not
            # always wait); the schema is there a moment later, so try again before refusing.
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def _open_file(path: Path, busy_timeout_ms: int, scripts: Path | None) -> Database:
    if at_head(path, scripts):
        # The usual start: nothing to migrate, and Alembic is never imported. SQLAlchemy is imported by
        # the first query that needs it; the report shown first is read with sqlite3 (quick_read.py).
        return Database(path, lambda: make_engine(path, busy_timeout_ms), None, busy_timeout_ms=busy_timeout_ms)
    engine = make_engine(path, busy_timeout_ms)
    # Alembic takes a quarter of a second to import: paid only when the file may need upgrading.
    from .migrations import alembic_config, upgrade

    try:
        backup = upgrade(engine, path, alembic_config(scripts))
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine, backup, busy_timeout_ms=busy_timeout_ms)


def _open_on_server(
    url: str | ServerLocation, scripts: Path | None, password: str | None = None, **options
) -> Database:
    from .server import parse_server_url
    from .server_database import open_server_database

    location = url if isinstance(url, ServerLocation) else parse_server_url(url)
    if password is not None:
        location = location.with_password(password)
    return open_server_database(location, scripts=scripts, **options)
