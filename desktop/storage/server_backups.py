"""Backups of a server database: dated folders of data files on this PC, listed, described and put back.

A clerk's PC has no pg_dump, so a server database is backed up as one data file (.fulian.json) per
report into `<user data>/备份/<database>@<host>-<revision>-<time>/` (server_database.backup_reports,
before an upgrade, and here before a restore). Restoring a folder makes the database hold exactly the
reports of the folder — every unit and year as the files have them, and no report the folder does not
hold (and no unit that only those held) — in one transaction: a restore that fails part way changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select, update

from . import rows
from .engine import reading, writing
from .errors import StorageError
from .schema import reports, units
from .server import ServerLocation
from .server_database import backup_folder_prefix, backup_reports
from .translate import translated

BEFORE_RESTORE = "before-restore"  # the label of the folder written just before a restore
_STAMP = re.compile(r"^(?P<revision>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?$")
DATA_FILE_GLOB = "*.fulian.json"


class NotABackupFolderError(StorageError):
    """A folder chosen for a restore that is not a whole backup of data files."""

    def __init__(self, folder: Path, detail: str):
        super().__init__(
            f"文件夹“{folder.name}”不能用来恢复：{detail}。"
            "请选择程序在“备份”文件夹中自动写下的备份文件夹（其中是各单位各年度的 .fulian.json 数据文件）。"
        )
        self.folder = folder


@dataclass(frozen=True)
class BackupFolder:
    """One folder of data files: where, when, at what schema, and which unit-years it holds."""

    path: Path
    taken: datetime
    revision: str
    label: str  # the revision it was taken at (before an upgrade), or BEFORE_RESTORE
    contents: tuple[tuple[str, int, int], ...]  # (unit, year, ledger lines), sorted

    @property
    def reports(self) -> int:
        return len(self.contents)


def backup_root_for(root: Path | None) -> Path:
    from ..paths import user_data_dir

    return root or user_data_dir() / "备份"


def list_folder_backups(location: ServerLocation, root: Path | None = None) -> list[BackupFolder]:
    """The readable backup folders of this database (same database and server), newest first."""
    folder = backup_root_for(root)
    prefix = backup_folder_prefix(location)
    found = []
    for candidate in folder.glob(f"{prefix}-*") if folder.is_dir() else ():
        if not candidate.is_dir():
            continue
        try:
            found.append(describe_folder(candidate, location))
        except NotABackupFolderError:
            continue  # a folder a clerk emptied or damaged is not offered; choosing it names the fault
    return sorted(found, key=lambda b: b.taken, reverse=True)


def describe_folder(folder: Path, location: ServerLocation | None = None) -> BackupFolder:
    """What the folder holds; NotABackupFolderError saying why when it is no readable backup."""
    from ..exchange import ExchangeError, read_file

    folder = Path(folder)
    files = sorted(folder.glob(DATA_FILE_GLOB)) if folder.is_dir() else []
    if not files:
        raise NotABackupFolderError(folder, "其中没有数据文件（.fulian.json）")
    contents = []
    for file in files:
        try:
            report = read_file(file)
        except ExchangeError as exc:
            raise NotABackupFolderError(folder, f"其中的“{file.name}”无法读取：{exc.message.rstrip('。')}") from None
        contents.append((report.unit.name, report.fiscal_year, len(report.activities)))
    name = folder.name
    if location is not None and name.startswith(backup_folder_prefix(location) + "-"):
        name = name[len(backup_folder_prefix(location)) + 1:]
    match = _STAMP.match(name)
    if match:
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        revision = match["revision"]
    else:  # a folder renamed or copied by hand: its own time, its revision unknown
        taken = datetime.fromtimestamp(folder.stat().st_mtime)
        revision = ""
    label = BEFORE_RESTORE if revision == BEFORE_RESTORE else revision
    return BackupFolder(folder, taken, revision, label, tuple(sorted(contents)))


def take_folder_backup(database, label: str = BEFORE_RESTORE, root: Path | None = None) -> Path:
    """Every report of the server database as data files in a new dated folder (one snapshot)."""
    with translated(database.path), reading(database.engine) as conn:
        return backup_reports(conn, database.path, label, root)


def restore_folder(database, folder: Path) -> None:
    """Make the database hold exactly the folder's reports; all files are read before anything is written.

    Each report is written over the stored one of its unit and year (its revision advances, so a window
    still holding the old copy is refused and offered a reload); units take the files' fields; reports
    the folder does not hold are deleted. One transaction: all of it or nothing.
    """
    from ..exchange import ExchangeError, read_file
    from .report_repository import _check_keys, store_whole

    files = sorted(Path(folder).glob(DATA_FILE_GLOB))
    if not files:
        raise NotABackupFolderError(Path(folder), "其中没有数据文件（.fulian.json）")
    wanted = []
    for file in files:
        try:
            report = read_file(file)
        except ExchangeError as exc:
            raise NotABackupFolderError(Path(folder), f"其中的“{file.name}”无法读取：{exc.message.rstrip('。')}") from None
        _check_keys(report)
        report.id = None
        report.revision = None
        report.unit.id = None
        wanted.append(report)
    with translated(database.path), writing(database.engine) as conn:
        kept: set[int] = set()
        for report in wanted:
            report_id, unit_row = store_whole(conn, report, replace=True)
            conn.execute(update(units).where(units.c.id == unit_row["id"]).values(rows.unit_row(report.unit)))
            kept.add(report_id)
        stored = conn.execute(select(reports.c.id, reports.c.unit_id)).all()
        gone = [row for row in stored if row.id not in kept]
        if gone:
            conn.execute(delete(reports).where(reports.c.id.in_([row.id for row in gone])))
            # A unit whose every report came after the backup goes with them, as it would from a file
            # restore; a unit that had no report before the restore stays (the folder cannot tell).
            kept_units = {row.unit_id for row in stored if row.id in kept}
            emptied = {row.unit_id for row in gone} - kept_units
            if emptied:
                conn.execute(delete(units).where(units.c.id.in_(emptied)))
