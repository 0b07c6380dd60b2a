"""Turning SQLite's, PostgreSQL's and the file system's refusals into StorageError kinds; our bugs pass through."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import from_os_error, from_sqlite_error


@contextmanager
def translated(path, os_errors: bool = False) -> Iterator[None]:
    """Raise environment faults (locked, read-only, disk full …) as StorageError; re-raise anything else.

    `path`: the database file, or a ServerLocation for a shared database (psycopg's errors are then
    translated: server down, slow, connection lost, wrong password …).
    `os_errors`: also translate OSError, for steps that touch files directly (folders, backups).
    """
    try:
        yield
    except sqlite3.Error as exc:
        error = from_sqlite_error(exc, path)
        if error is None:
            raise
        raise error from exc
    except OSError as exc:
        if not os_errors:
            raise
        raise from_os_error(exc, path) from exc
    except Exception as exc:
        if _is_sqlalchemy_driver_error(exc):
            error = _translate_driver_error(exc.orig, path)
            if error is None:
                raise
            raise error from exc
        # A psycopg error raised outside SQLAlchemy (e.g. by a raw connection).
        error = _translate_driver_error(exc, path) if type(exc).__module__.startswith("psycopg") else None
        if error is None:
            raise
        raise error from exc


def _is_sqlalchemy_driver_error(exc: BaseException) -> bool:
    # Looked up rather than imported: a SQLite file at the newest schema is read at start without
    # SQLAlchemy, and until SQLAlchemy is imported none of its errors can be raised.
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.DBAPIError)


def _translate_driver_error(orig: BaseException, path):
    if isinstance(orig, sqlite3.Error):
        return from_sqlite_error(orig, path)
    if type(orig).__module__.startswith("psycopg"):
        from .server import ServerLocation
        from .server_errors import from_server_error

        if isinstance(path, ServerLocation):
            return from_server_error(orig, path)
    return None
