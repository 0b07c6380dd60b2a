"""从备份恢复: put a backup of the database back in place of the live data, after backing up the live data.

The live database is copied aside first (fulian.db.bak-before-restore-<time>), so a restore can itself be
undone by restoring that copy. A backup taken by an older version of the program is brought to the
current schema after it is put back (taking the usual upgrade backup). The program keeps running: the
reports are simply read again.

A database on a server is backed up as a dated folder of data files on this PC (before an upgrade, and
before each restore): on a server the same three steps list those folders, describe what each holds,
and put one back (storage/server_backups.py), after writing the current data into a new folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..errors import UserError
from ..storage.backups import BEFORE_RESTORE, BackupFile, describe_backup, list_backups, restore_into, take_backup
from ..storage.server_backups import (
    BackupFolder,
    describe_folder,
    list_folder_backups,
    restore_folder,
    take_folder_backup,
)
from .jobs import Progress
from .workspace import Workspace


__all__ = ["BEFORE_RESTORE", "BackupFile", "BackupFolder", "RestoreError", "RestoreResult", "backups", "check_backup", "restore"]


class RestoreError(UserError):
    """A restore that cannot be carried out; nothing was changed."""


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    saved_before: Path  # the copy (file or folder) of the data as it was just before the restore


def backups(workspace: Workspace) -> list[BackupFile | BackupFolder]:
    """The backups of the database, newest first: files beside a database file, folders for a server."""
    database = workspace.database
    if database.is_shared:
        return list_folder_backups(database.path, database.backup_root)
    return list_backups(Path(database.path))


def check_backup(workspace: Workspace, candidate: Path) -> BackupFile | BackupFolder:
    """The backup's description, or RestoreError saying why it cannot be restored."""
    database = workspace.database
    candidate = Path(candidate)
    if database.is_shared:
        try:
            return describe_folder(candidate, database.path)
        except UserError as exc:
            raise RestoreError(f"无法从“{candidate.name}”恢复：{exc.message}") from None
    if candidate.resolve() == Path(database.path).resolve():
        raise RestoreError("选择的是正在使用的数据库本身，不是备份。请选择一个备份文件（名称中含有“.bak-”）。")
    try:
        return describe_backup(candidate, Path(database.path))
    except UserError as exc:
        raise RestoreError(f"无法从“{candidate.name}”恢复：{exc.message}") from None


def restore(workspace: Workspace, candidate: Path, progress: Optional[Progress] = None) -> RestoreResult:
    """Back up the live data, then put the backup's data in its place, at the current schema.

    `progress` may stop it (Cancelled) before the live data is backed up or, with that backup kept,
    before anything is replaced; once the data is being replaced it runs to the end.
    """
    progress = progress or Progress()
    check_backup(workspace, candidate)
    database = workspace.database
    progress.step(0, 2, "正在备份当前数据…")
    if database.is_shared:
        saved_before = take_folder_backup(database, BEFORE_RESTORE, database.backup_root)
    else:
        saved_before = take_backup(Path(database.path), BEFORE_RESTORE)
    progress.step(1, 2, "正在恢复备份中的数据…")  # the last point where stopping changes nothing
    if database.is_shared:
        restore_folder(database, Path(candidate))
    else:
        restore_into(database, Path(candidate))
    return RestoreResult(Path(candidate), saved_before)
