"""Storage error kinds, each with a Chinese `message` saying what the clerk can do.

`StorageError` covers every refusal the clerk should see. Its subclass `StorageEnvironmentError` marks
faults of the machine rather than of the program (locked file, read-only folder, full disk, failing disk):
the interface shows them and the clerk can act. Anything else that escapes storage (SQLAlchemy's own
exceptions, ValueError) is a programming error and is left to propagate unchanged.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from ..errors import UserError


class StorageError(UserError):
    """A request the database cannot carry out; `message` is for the clerk."""


# ------------------------------------------------------------------ the database file itself


class NetworkLocationError(StorageError):
    """The database path is on a network share, where SQLite's WAL mode corrupts data."""

    def __init__(self, path: Path | str):
        super().__init__(
            f"数据库不能放在网络共享文件夹中（{path}）。本程序的数据库使用 SQLite 预写日志（WAL）方式，"
            "在网络共享上运行会损坏数据。请把数据库放在本机磁盘上（例如默认位置）；"
            "需要与其他电脑交换数据时，请使用“导出数据文件”和“导入数据文件”。"
        )
        self.path = path


class NotADatabaseError(StorageError):
    """The file exists but is not a SQLite database, or is a SQLite database of another program."""

    def __init__(self, path: Path, detail: str = "它不是数据库文件（可能是其他类型的文件）"):
        super().__init__(
            f"无法打开“{path}”：{detail}。请选择本程序的数据库文件（通常名为 fulian.db）；"
            "如果要导入别处发来的数据，请使用“导入数据文件”。"
        )
        self.path = path


class NewerDatabaseError(StorageError):
    """The database was upgraded by a newer version of the program than this one."""

    def __init__(self, path: Path, revision: str):
        super().__init__(
            f"此数据库由更新版本的程序创建，请升级程序。（数据库“{path.name}”的版本为 {revision}，"
            "本程序无法识别；为保护数据，本程序不会改动它。）"
        )
        self.path = path
        self.revision = revision


class CorruptDatabaseError(StorageError):
    def __init__(self, path: Path):
        super().__init__(
            f"数据库文件“{path}”已损坏，无法读取。请关闭程序，用同一文件夹中最近的备份文件"
            f"（名为 {path.name}.bak-…）替换它后重新打开，或联系技术支持。"
        )
        self.path = path


# ------------------------------------------------------------------ faults of the environment


class StorageEnvironmentError(StorageError):
    """A fault of the machine, not of the program: the clerk can remedy it and try again."""


class DatabaseLockedError(StorageEnvironmentError):
    def __init__(self, path: Path):
        super().__init__(
            f"数据库“{path.name}”正被另一个程序使用（可能是本程序的另一个窗口，或正在复制该文件的程序）。"
            "请关闭其他窗口或程序后重试；刚才的修改没有保存。"
        )
        self.path = path


class ReadOnlyLocationError(StorageEnvironmentError):
    def __init__(self, path: Path):
        super().__init__(
            f"无法写入数据库“{path}”：该文件或它所在的文件夹是只读的，或者没有写入权限（也可能是只读的U盘或光盘）。"
            "请把数据库放到可以写入的文件夹（例如默认位置），或请管理员开放写入权限后重试。"
        )
        self.path = path


class DiskFullError(StorageEnvironmentError):
    def __init__(self, path: Path):
        super().__init__(
            f"磁盘空间不足，数据未能保存到“{path.name}”。请清理磁盘（例如清空回收站）后重试；"
            "之前已保存的数据不受影响。"
        )
        self.path = path


class DiskIOError(StorageEnvironmentError):
    def __init__(self, path: Path):
        super().__init__(
            f"读写数据库“{path}”时磁盘出错。如果数据库在U盘或移动硬盘上，请确认它没有被拔出；"
            "然后关闭程序重新打开。刚才的修改没有保存。"
        )
        self.path = path


class CannotOpenError(StorageEnvironmentError):
    def __init__(self, path: Path):
        super().__init__(
            f"无法打开或创建数据库“{path}”。请确认该文件夹存在并且可以写入，"
            "或换一个位置（例如默认位置）后重试。"
        )
        self.path = path


# ------------------------------------------------------------------ requests that cannot be met


class DuplicateUnitError(StorageError):
    def __init__(self, name: str):
        super().__init__(f"单位“{name}”已经存在，请直接选择它，或换一个名称。")
        self.name = name


class UnitNotFoundError(StorageError):
    def __init__(self, unit_id: int | None):
        super().__init__("该单位已不在数据库中（可能已被删除）。请重新选择单位。")
        self.unit_id = unit_id


class DuplicateReportError(StorageError):
    def __init__(self, unit_name: str, year: int):
        super().__init__(f"单位“{unit_name}”已有 {year} 年度的报告，不能再保存一份同年度的报告。请打开已有的报告。")
        self.unit_name = unit_name
        self.year = year


class ReportNotFoundError(StorageError):
    def __init__(self, report_id: int | None):
        super().__init__("该报告已不在数据库中（可能已被删除）。请重新打开报告后再修改。")
        self.report_id = report_id


class ReportChangedError(StorageError):
    """The report was changed or replaced elsewhere since this copy was loaded: the write was refused.

    Another window, a second copy of the program, or an import (--replace) wrote the report after this
    copy was read. Nothing was written; the caller keeps its unsaved edits and offers to reload.
    """

    def __init__(self, unit_name: str, year: int | None, deleted: bool = False, *, by: str | None = None,
                 at: str | None = None):
        self.unit_name = unit_name
        self.year = year
        self.deleted = deleted
        self.by = by
        self.at = at
        what = "已被删除" if deleted else "已在别处被修改（另一个窗口、另一台电脑或导入数据文件）"
        who = f"（最后一次由 {by} 于 {_shown_time(at)} 保存）" if by and not deleted else ""
        super().__init__(
            f"{self._changed()}在您打开之后{what}{who}，为避免覆盖别处的修改，您刚才的修改没有保存。"
            "请重新载入报告，再把您的修改重新填写一遍。"
        )

    def _changed(self) -> str:
        """What was changed elsewhere, as the message names it."""
        return f"“{self.unit_name}” {self.year} 年度的报告"


class UnitChangedError(ReportChangedError):
    """The unit's name, level or superior was changed elsewhere since this copy read them.

    A kind of ReportChangedError: the open report shows the unit, and the same reload-and-re-apply
    answers it."""

    def __init__(self, unit_name: str):
        super().__init__(unit_name, None)

    def _changed(self) -> str:
        return f"单位“{self.unit_name}”的名称、级别或上级单位"


def _shown_time(at: str | None) -> str:
    """2026-12-01T14:05:33 → 2026-12-01 14:05:33 (the stored text is local time)."""
    return at.replace("T", " ") if at else "（时间不详）"


class MigrationFailedError(StorageError):
    """Upgrading the database to this program's schema failed; the upgrade was rolled back whole."""

    def __init__(self, path: Path, backup: Path | None):
        where = f"升级前的备份在“{backup}”。" if backup is not None else ""
        super().__init__(
            f"数据库“{path.name}”升级到本版本时出错，升级已全部撤销，数据库保持原样，数据没有丢失。{where}"
            "请暂时使用原来版本的程序，并联系技术支持。"
        )
        self.path = path
        self.backup = backup


class InvalidReportError(StorageError):
    """The report cannot be stored as it is (e.g. two ledger lines share one key)."""


# ------------------------------------------------------------------ translation


# SQLite primary result codes (the low byte of the extended code), from sqlite3.h.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def from_sqlite_error(exc: sqlite3.Error, path: Path) -> StorageError | None:
    """The StorageError a raw SQLite error stands for, or None when it is a programming error."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseLockedError(path)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return ReadOnlyLocationError(path)
    if primary == SQLITE_FULL:
        return DiskFullError(path)
    if primary == SQLITE_IOERR:
        # SQLite reports a full disk while creating the -shm/-wal files as an I/O error.
        return DiskFullError(path) if nearly_full(path) else DiskIOError(path)
    if primary == SQLITE_CANTOPEN:
        return CannotOpenError(path)
    if primary == SQLITE_NOTADB:
        return NotADatabaseError(path)
    if primary == SQLITE_CORRUPT:
        return CorruptDatabaseError(path)
    return None


FULL_BELOW_BYTES = 1024 * 1024


def nearly_full(path: Path) -> bool:
    """Whether the folder of `path` has less than a megabyte free (a write there fails for want of space)."""
    try:
        return shutil.disk_usage(Path(path).parent).free < FULL_BELOW_BYTES
    except (OSError, TypeError, ValueError):
        return False


def from_os_error(exc: OSError, path: Path) -> StorageError:
    """The StorageError for a file-system refusal while preparing the folder or writing a backup."""
    code = exc.errno
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyLocationError(path)
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return DiskFullError(path)
    if code == errno.EBUSY:
        return DatabaseLockedError(path)
    if code == errno.EIO:
        return DiskIOError(path)
    return CannotOpenError(path)
