"""Raw SQLite and file-system errors become the right StorageError kind; our own bugs do not."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.storage import errors
from desktop.storage.errors import from_os_error, from_sqlite_error

PATH = Path("/data/fulian.db")


def real_error(tmp_path: Path, action) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        action(tmp_path)
    return caught.value


def _write_read_only(tmp_path):
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    sqlite3.connect(path.as_uri() + "?mode=ro", uri=True).execute("INSERT INTO t VALUES (1)")


def _write_locked(tmp_path):
    path = tmp_path / "y.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    sqlite3.connect(path, timeout=0, isolation_level=None).execute("BEGIN IMMEDIATE")


def _not_a_database(tmp_path):
    path = tmp_path / "z.db"
    path.write_text("plain text, long enough to be read as a header" * 4)
    sqlite3.connect(path).execute("SELECT * FROM sqlite_master")


def _constraint(tmp_path):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (x UNIQUE)")
    db.execute("INSERT INTO t VALUES (1)")
    db.execute("INSERT INTO t VALUES (1)")


@pytest.mark.parametrize(
    "action, kind",
    [
        (_write_read_only, errors.ReadOnlyLocationError),
        (_write_locked, errors.DatabaseLockedError),
        (_not_a_database, errors.NotADatabaseError),
    ],
)
def test_real_sqlite_errors_are_translated(tmp_path, action, kind):
    translated = from_sqlite_error(real_error(tmp_path, action), PATH)
    assert type(translated) is kind
    assert translated.message


def test_programming_errors_are_not_translated(tmp_path):
    assert from_sqlite_error(real_error(tmp_path, _constraint), PATH) is None
    syntax = real_error(tmp_path, lambda _: sqlite3.connect(":memory:").execute("SELEC 1"))
    assert from_sqlite_error(syntax, PATH) is None


@pytest.mark.parametrize(
    "code, kind",
    [
        (10 | (3 << 8), errors.DiskIOError),  # SQLITE_IOERR_WRITE
        (13, errors.DiskFullError),
        (14, errors.CannotOpenError),
        (11, errors.CorruptDatabaseError),
        (5 | (1 << 8), errors.DatabaseLockedError),  # SQLITE_BUSY_RECOVERY
    ],
)
def test_codes_that_cannot_be_provoked_here_map_by_primary_code(code, kind):
    exc = sqlite3.OperationalError("simulated")
    exc.sqlite_errorcode = code
    assert type(from_sqlite_error(exc, PATH)) is kind


@pytest.mark.parametrize(
    "exc, kind",
    [
        (PermissionError(errno.EACCES, "denied"), errors.ReadOnlyLocationError),
        (OSError(errno.EROFS, "read-only file system"), errors.ReadOnlyLocationError),
        (OSError(errno.ENOSPC, "no space"), errors.DiskFullError),
        (OSError(errno.EIO, "io"), errors.DiskIOError),
        (NotADirectoryError(errno.ENOTDIR, "not a dir"), errors.CannotOpenError),
    ],
)
def test_os_errors(exc, kind):
    assert type(from_os_error(exc, PATH)) is kind


def test_environment_faults_are_told_apart_from_refusals():
    assert issubclass(errors.DiskFullError, errors.StorageEnvironmentError)
    assert issubclass(errors.DatabaseLockedError, errors.StorageEnvironmentError)
    assert not issubclass(errors.NewerDatabaseError, errors.StorageEnvironmentError)
    assert not issubclass(errors.DuplicateUnitError, errors.StorageEnvironmentError)


def test_an_io_error_on_a_full_disk_is_reported_as_a_full_disk(small_disk):
    from desktop.storage import DiskFullError, open_database
    from tests.storage.sample import rich_report

    path = small_disk / "fulian.db"
    open_database(path).close()
    (small_disk / "filler").write_bytes(b"\0" * (shutil.disk_usage(small_disk).free - 4096))
    with pytest.raises(DiskFullError) as caught:
        with open_database(path) as db:
            db.reports().save(rich_report(activities=200))
    assert "磁盘空间不足" in caught.value.message
