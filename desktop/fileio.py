"""Files the clerk keeps and gives: written atomically, with a Chinese message when the disk or Word says
no; and the first look at a file she gives the program (there, readable, neither empty nor too large)."""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path
from typing import Callable

from .errors import UserError


# mkstemp creates files readable by the owner only; a finished document gets the usual mode instead.
# The umask is read once at import, while the program is still single-threaded.
_UMASK = os.umask(0)
os.umask(_UMASK)


class FileWriteError(UserError):
    """A file could not be written; `message` tells the clerk what to do. Nothing was half-written."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def explain_os_error(exc: OSError, path: Path) -> str:
    """The clerk's words for why writing `path` failed."""
    code = exc.errno
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return (
            f"无法写入“{path.name}”：文件可能正被 Word、WPS 或其他程序打开，或该文件夹没有写入权限。"
            "请关闭打开该文件的程序后重试，或换一个保存位置。"
        )
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return f"磁盘空间不足，无法保存“{path.name}”。请清理磁盘或换一个保存位置后重试，已保存的数据不受影响。"
    if code == errno.EROFS:
        return f"“{path.parent}”所在的磁盘是只读的。请换一个保存位置。"
    if (isinstance(exc, FileNotFoundError) or code == errno.ENOENT) and not path.parent.is_dir():
        return f"保存位置“{path.parent}”不存在。请选择一个已有的文件夹。"
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return f"“{path}”是一个文件夹，不能用作文件名。请换一个文件名或保存位置。"
    # The system's own text is English on many machines: give its code for support, not its words.
    return f"保存“{path.name}”失败（系统错误代码 {code}）。请换一个保存位置后重试。"


STALE_SECONDS = 600  # a temporary file this old beside its target was left by a killed program


def stage_beside(path: Path) -> Path:
    """A new hidden temporary file beside `path` (.name.xxxx.ext.tmp), after removing stale ones.

    A program killed while writing leaves its temporary file behind; the next write of the same file
    removes those older than STALE_SECONDS (a younger one may belong to another program writing now).
    """
    pattern = f".{path.stem}.*{path.suffix}.tmp"
    now = time.time()
    try:
        for old in path.parent.glob(pattern):
            try:
                if now - old.stat().st_mtime > STALE_SECONDS:
                    old.unlink()
            except OSError:
                pass  # not ours to fight over: it stays until a later write
    except OSError:
        pass
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix + ".tmp", dir=path.parent)
    except OSError as exc:
        raise FileWriteError(explain_os_error(exc, path), path) from exc
    os.close(fd)
    return Path(name)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows cannot open a folder this way and needs no call."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Let `write` fill a temporary file beside `path`, then move it into place in one step.

    A crash, a full disk or a target held open by Word never leaves a half-written document:
    either the old file stays whole or the new one replaces it.
    """
    path = Path(path)
    if path.is_dir():
        raise FileWriteError(explain_os_error(IsADirectoryError(errno.EISDIR, "", str(path)), path), path)
    tmp = stage_beside(path)
    try:
        write(tmp)
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_UMASK
        os.chmod(tmp, mode)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_folder(path.parent)  # the rename itself survives a power cut
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FileWriteError(explain_os_error(exc, path), path) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))


# The first bytes that tell formats apart: OLE2 (old .xls/.doc, or an encrypted OOXML), zip (.xlsx/.docx), PDF.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF"
MAX_GIVEN_FILE_BYTES = 20 * 1024 * 1024  # a ledger of 50,000 rows is about 2 MB; a report with photos under 10


def first_bytes(path: Path, refuse: Callable[[str], UserError], *, opened_in: str, when_empty: str,
                when_too_large: str, limit: int = MAX_GIVEN_FILE_BYTES, count: int = 8) -> bytes:
    """The file's first `count` bytes, after checking that it is there, can be read, is not empty and
    not over `limit`; otherwise `refuse(message)` is raised. The caller says which program the file may
    be open in ("Excel 或 WPS"), and what to do about an empty or a too large one."""

    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(count)
    except FileNotFoundError:
        raise refuse(f"找不到文件“{path}”。请确认文件位置后重试。") from None
    except OSError as exc:
        raise refuse(f"无法读取“{path.name}”：{exc.strerror or exc}。如果文件正在 {opened_in} 中打开，请先关闭。") from None
    if size == 0:
        raise refuse(f"“{path.name}”是空文件（0 字节）{when_empty}")
    if size > limit:
        raise refuse(f"“{path.name}”太大（{size / 1024 / 1024:.1f} MB），超过了 {limit // 1024 // 1024} MB 的上限。{when_too_large}")
    return head
