"""Where a database may live: never on a network share, where SQLite's WAL mode is unsafe."""

from __future__ import annotations

import sys
from pathlib import Path

# \\?\ and \\.\ are Win32 prefixes for local long paths and devices; only \\?\UNC\ leads to a server.
_LOCAL_PREFIXES = ("\\\\?\\", "\\\\.\\", "//?/", "//./")
_UNC_LONG_PREFIXES = ("\\\\?\\unc\\", "//?/unc/")


def is_unc_path(text: str) -> bool:
    """True for a Windows UNC path (\\\\server\\share\\…, //server/share/…, \\\\?\\UNC\\server\\…)."""
    lowered = text.strip().lower()
    if lowered.startswith(_UNC_LONG_PREFIXES):
        return True
    if lowered.startswith(_LOCAL_PREFIXES):
        return False
    return lowered.startswith(("\\\\", "//"))


def is_network_location(path: Path) -> bool:
    """True when `path` is on a network share: a UNC path, or on Windows a mapped network drive (Z:)."""
    if is_unc_path(str(path)):
        return True
    if sys.platform == "win32":  # pragma: no cover - needs Windows
        return _is_remote_drive(path)
    return False


def _is_remote_drive(path: Path) -> bool:  # pragma: no cover - needs Windows
    """A drive letter mapped to a share (net use Z: \\\\server\\share) looks local but is not."""
    import ctypes

    drive = Path(path).resolve().drive
    if not drive or is_unc_path(drive):
        return bool(drive)
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
