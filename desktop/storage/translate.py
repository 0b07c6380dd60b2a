"""Turning SQLite's and the file system's refusals into StorageError kinds; our own bugs pass through."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy.exc import DBAPIError

from .errors import from_os_error, from_sqlite_error


@contextmanager
def translated(path: Path, os_errors: bool = False) -> Iterator[None]:
    """Raise environment faults (locked, read-only, disk full …) as StorageError; re-raise anything else.

    `os_errors`: also translate OSError, for steps that touch files directly (folders, backups).
    """
    try:
        yield
    except DBAPIError as exc:
        orig = exc.orig
        error = from_sqlite_error(orig, path) if isinstance(orig, sqlite3.Error) else None
        if error is None:
            raise
        raise error from exc
    except sqlite3.Error as exc:
        error = from_sqlite_error(exc, path)
        if error is None:
            raise
        raise error from exc
    except OSError as exc:
        if not os_errors:
            raise
        raise from_os_error(exc, path) from exc
