"""Where things live: bundled resources and Alembic scripts (source or frozen run) and the user's data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import APP_NAME


def install_root() -> Path:
    """The folder holding resources/ and db/: the repository in a source run, _MEIPASS when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def migrations_dir() -> Path:
    return install_root() / "db"


def user_data_dir() -> Path:
    """The user's data folder: %LOCALAPPDATA%\\fulian-desk on Windows, XDG data home elsewhere."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def user_cache_dir() -> Path:
    """Files the program can rebuild at any time (parsed font metrics): …\\fulian-desk\\cache on Windows,
    XDG cache home elsewhere."""
    if sys.platform == "win32":
        return user_data_dir() / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / APP_NAME


def default_database_path() -> Path:
    """The embedded SQLite database used when no --db is given (FULIAN_DB overrides it)."""
    override = os.environ.get("FULIAN_DB")
    if override:
        return Path(override)
    return user_data_dir() / "fulian.db"
