"""从备份恢复: put a backup of the database back in place of the live data, after backing up the live data.

The live database is copied aside first (fulian.db.bak-before-restore-<time>), so a restore can itself be
undone by restoring that copy. A backup taken by an older version of the program is brought to the
current schema after it is put back (taking the usual upgrade backup). The program keeps running: the
reports are simply read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..storage import Database
from ..storage.backups import BEFORE_RESTORE, BackupFile, describe_backup, list_backups, restore_into, take_backup


__all__ = ["BEFORE_RESTORE", "BackupFile", "RestoreError", "RestoreResult", "backups", "check_backup", "restore"]


class RestoreError(UserError):
    """A restore that cannot be carried out; nothing was changed."""


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    saved_before: Path  # the copy of the data as it was just before the restore


def backups(database: Database) -> list[BackupFile]:
    """The backups beside the database, newest first."""
    if database.is_shared:
        return []
    return list_backups(Path(database.path))


def check_backup(database: Database, candidate: Path) -> BackupFile:
    """The backup's description, or RestoreError saying why it cannot be restored."""
    if database.is_shared:
        raise RestoreError("服务器上的数据库不能在这里从备份恢复，请联系管理员在服务器上恢复。")
    candidate = Path(candidate)
    if candidate.resolve() == Path(database.path).resolve():
        raise RestoreError("选择的是正在使用的数据库本身，不是备份。请选择一个备份文件（名称中含有“.bak-”）。")
    try:
        return describe_backup(candidate, Path(database.path))
    except UserError as exc:
        raise RestoreError(f"无法从“{candidate.name}”恢复：{exc.message}") from None


def restore(database: Database, candidate: Path) -> RestoreResult:
    """Back up the live data, then put the backup's data in its place, at the current schema."""
    check_backup(database, candidate)
    path = Path(database.path)
    saved_before = take_backup(path, BEFORE_RESTORE)
    restore_into(database, Path(candidate))
    return RestoreResult(Path(candidate), saved_before)
