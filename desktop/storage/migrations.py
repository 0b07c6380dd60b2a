"""Bringing a database file to the current schema with the Alembic scripts in db/, after a backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from ..paths import migrations_dir
from .engine import IMMEDIATE
from .errors import MigrationFailedError, NewerDatabaseError, NotADatabaseError, StorageError
from .translate import translated

VERSION_TABLE = "alembic_version"


def alembic_config(scripts: Path | None = None) -> Config:
    """Programmatic Alembic configuration: works in a source run and in the frozen build alike."""
    config = Config()
    config.set_main_option("script_location", str(scripts or migrations_dir()))
    return config


def head_revision(config: Config) -> str:
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None, "db/versions holds no migration"
    return head


def is_known(config: Config, revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(config).get_revision(revision) is not None
    except CommandError:
        return False


def inspect_file(path: Path) -> tuple[str | None, set[str]]:
    """The revision and table names of the file, read without changing a byte of it.

    Read through a plain read-only SQLite connection: the engine would switch the file to WAL on
    connecting, which rewrites its header, and a file that is refused must be left exactly as it was.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None, set()
    with translated(path):
        raw = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if VERSION_TABLE in tables:
                row = raw.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
                revision = row[0] if row else None
        finally:
            raw.close()
    return revision, tables


def upgrade(engine: Engine, path: Path, config: Config) -> Path | None:
    """Upgrade the database to head; returns the backup taken first, if the file already held data.

    An empty file is simply created. A file with tables but no revision belongs to another program and
    is refused; a revision this program does not know is newer than it and is refused untouched.
    """
    head = head_revision(config)
    revision, tables = inspect_file(path)
    if revision == head:
        return None
    if revision is None and tables - {VERSION_TABLE}:
        raise NotADatabaseError(path, "它是其他程序的数据库，不是本程序的数据库")
    if revision is not None and not is_known(config, revision):
        raise NewerDatabaseError(path, revision)
    backup = backup_database(path, revision) if revision is not None else None
    try:
        _run_upgrade(engine, path, config)
    except StorageError:
        raise  # the machine's fault (locked, full …): its own message says what to do
    except Exception as exc:
        # A step of ours failed. The transaction rolled every step back; say so in Chinese and keep the
        # cause chained for the log.
        raise MigrationFailedError(path, backup) from exc
    return backup


def _run_upgrade(engine: Engine, path: Path, config: Config) -> None:
    """All migration steps in one transaction, with foreign keys off as SQLite requires for table rebuilds.

    Batch mode rebuilds a table by copy, drop and rename; with foreign keys on, the drop would cascade
    into the children. SQLite's documented procedure: keys off (outside the transaction), change, then
    PRAGMA foreign_key_check before committing, and keys back on.
    """
    with translated(path), engine.connect() as connection:
        # On the driver's connection: through SQLAlchemy it would open a transaction, where the pragma is
        # silently ignored.
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        # The write lock from the start: a second copy of the program opening the same file waits here,
        # then finds the database already at head and has nothing left to do.
        connection.execution_options(**{IMMEDIATE: True})
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                try:
                    command.upgrade(config, "head")
                finally:
                    config.attributes.pop("connection", None)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left rows whose foreign keys point nowhere: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def backup_path_for(path: Path, revision: str, now: datetime | None = None) -> Path:
    """fulian.db → fulian.db.bak-<revision>-<YYYYMMDD-HHMMSS>, beside it; never an existing file."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{n}")
    return candidate


def backup_database(path: Path, revision: str) -> Path:
    """A consistent copy of the database beside it, through SQLite's backup API (safe under WAL).

    Copying the file alone could miss commits still in the -wal file; the backup API reads through
    SQLite and so sees exactly the last committed state.
    """
    target = backup_path_for(path, revision)
    try:
        with translated(path, os_errors=True):
            source = sqlite3.connect(str(path))
            try:
                destination = sqlite3.connect(str(target))
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written backup left to be mistaken for a good one
        raise
    return target
