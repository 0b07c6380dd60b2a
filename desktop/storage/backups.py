"""Backups of a database file beside it: listing them, and copying one back in place of the live data.

Every copy goes through SQLite's backup API, which reads and writes under SQLite's own locks: a copy
taken while the program runs sees exactly the last commit (the -wal file included), and restoring into
the live file is one step that other connections see whole or not at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import NotADatabaseError, StorageError
from .migrations import VERSION_TABLE, backup_database, inspect_file
from .translate import translated

BEFORE_RESTORE = "before-restore"  # the label of the copy taken before a restore


@dataclass(frozen=True)
class BackupFile:
    """One backup beside the database: where, when, what schema, what it holds."""

    path: Path
    taken: datetime
    revision: str
    reports: int  # unit-years held
    label: str  # the revision it was taken at, or BEFORE_RESTORE


def list_backups(path: Path) -> list[BackupFile]:
    """The readable backups beside the database file `path`, newest first (unreadable ones are left out)."""
    found = []
    for candidate in path.parent.glob(f"{path.name}.bak-*"):
        try:
            found.append(describe_backup(candidate, path))
        except (StorageError, OSError, sqlite3.Error):
            continue
    return sorted(found, key=lambda b: b.taken, reverse=True)


def describe_backup(candidate: Path, path: Path | None = None) -> BackupFile:
    """What a backup file holds; NotADatabaseError when it is not a database of this program."""
    revision, tables = inspect_file(candidate)
    if revision is None or "reports" not in tables:
        raise NotADatabaseError(candidate, "它不是本程序的数据库或备份")
    with translated(candidate):
        raw = sqlite3.connect(candidate.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            if raw.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise NotADatabaseError(candidate, "这个备份文件已损坏")
            reports = raw.execute("SELECT count(*) FROM reports").fetchone()[0]
        finally:
            raw.close()
    prefix = f"{path.name}.bak-" if path is not None else ""
    rest = candidate.name[len(prefix):] if prefix and candidate.name.startswith(prefix) else candidate.name
    label = BEFORE_RESTORE if rest.startswith(BEFORE_RESTORE) else revision
    return BackupFile(candidate, datetime.fromtimestamp(candidate.stat().st_mtime), revision, reports, label)


def take_backup(path: Path, label: str) -> Path:
    """A consistent copy of the live database beside it, named fulian.db.bak-<label>-<time>."""
    return backup_database(path, label)


def copy_into(source: Path, target: Path) -> None:
    """Replace the content of the live database `target` with that of `source`, in one SQLite step."""
    with translated(target, os_errors=True):
        origin = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            destination = sqlite3.connect(str(target), timeout=5)
            try:
                origin.backup(destination)
                # The copy carries the source's journal mode; the program keeps the live file in WAL.
                destination.execute("PRAGMA journal_mode = WAL")
            finally:
                destination.close()
        finally:
            origin.close()


def restore_into(database, source: Path) -> None:
    """Put `source`'s data in place of the open database's, then bring it to the current schema.

    The engine's pooled connections are closed first so that none keeps pages of the old data; the
    engine itself stays usable and opens fresh connections.
    """
    from .migrations import alembic_config, upgrade

    path = Path(database.path)
    database.close()
    copy_into(source, path)
    upgrade(database.engine, path, alembic_config())


__all__ = ["restore_into", "BackupFile", "BEFORE_RESTORE", "VERSION_TABLE", "list_backups", "describe_backup", "take_backup", "copy_into"]
