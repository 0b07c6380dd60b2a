"""open_database: what it refuses, and the environment's faults reported as StorageError kinds in Chinese."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop.domain.model import Report, Unit
from desktop.storage import (
    CannotOpenError,
    CorruptDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NetworkLocationError,
    NotADatabaseError,
    ReadOnlyLocationError,
    StorageEnvironmentError,
    open_database,
)

from .sample import rich_report
from .test_report_repository import dump


def test_parent_folders_are_created(tmp_path):
    path = tmp_path / "深" / "层" / "fulian.db"
    with open_database(path) as db:
        assert db.units().list() == []
    assert path.is_file()


def test_text_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "fulian.db"
    path.write_text("这是一份笔记，不是数据库。\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError) as caught:
        open_database(path)
    assert "不是数据库文件" in caught.value.message and "fulian.db" in caught.value.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fulian.db"]  # no -wal, no backup


def test_file_with_sqlite_header_but_garbage_is_refused(tmp_path):
    path = tmp_path / "fulian.db"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    with pytest.raises(NotADatabaseError) as caught:
        open_database(path)
    assert isinstance(caught.value.__cause__, sqlite3.DatabaseError)  # SQLite's own verdict: SQLITE_NOTADB


def test_damaged_database_is_reported_as_corrupt(tmp_path):
    path = tmp_path / "fulian.db"
    with open_database(path) as db:
        db.reports().save(rich_report(activities=500))
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3 : page * 6] = b"\xff" * (page * 3)  # scribble over pages of the tables
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError) as caught:
        with open_database(path) as db:
            db.reports().get(1, 2024)
    assert "已损坏" in caught.value.message and "fulian.db.bak-" in caught.value.message


def test_sqlite_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE contacts (name TEXT)")
    raw.commit()
    raw.close()
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError) as caught:
        open_database(path)
    assert "其他程序的数据库" in caught.value.message
    assert path.read_bytes() == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(NotADatabaseError) as caught:
        open_database(tmp_path)
    assert "文件夹" in caught.value.message


def test_parent_that_is_a_file_cannot_be_opened(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(CannotOpenError) as caught:
        open_database(tmp_path / "afile" / "fulian.db")
    assert isinstance(caught.value, StorageEnvironmentError)
    assert "换一个位置" in caught.value.message


@pytest.mark.parametrize("path", [r"\\server\share\妇联\fulian.db", "//nas/data/fulian.db"])
def test_network_share_is_refused_before_touching_anything(tmp_path, monkeypatch, path):
    monkeypatch.chdir(tmp_path)  # on Linux such a path would otherwise be a relative file name
    with pytest.raises(NetworkLocationError) as caught:
        open_database(Path(path))
    assert "网络共享" in caught.value.message and "WAL" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_locked_database_is_reported_and_nothing_is_lost(db_path):
    with open_database(db_path) as setup:
        setup.reports().save(rich_report())
    db = open_database(db_path, busy_timeout_ms=200)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        report = db.reports().get(1, 2024)  # under WAL, reading still works
        assert report is not None
        report.title = "锁住时的修改"
        with pytest.raises(DatabaseLockedError) as caught:
            db.reports().save(report)
        assert isinstance(caught.value, StorageEnvironmentError)
        assert "另一个程序" in caught.value.message and "重试" in caught.value.message
        other.execute("ROLLBACK")
        db.reports().save(report)  # once the lock is gone, the same save goes through
        assert db.reports().get(1, 2024).title == "锁住时的修改"
    finally:
        other.close()
        db.close()


def test_full_disk_is_reported_and_nothing_is_written(sqlite_db):
    db = sqlite_db
    db.reports().save(rich_report())
    before = dump(db)
    with db.engine.connect() as conn:
        used = conn.exec_driver_sql("PRAGMA page_count").scalar()

    # SQLite's own limit on the file's size gives the very error (SQLITE_FULL) a full disk gives.
    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {used + 2}")

    db.engine.dispose()  # new connections get the cap
    with pytest.raises(DiskFullError) as caught:
        db.reports().save(rich_report(unit_name="大单位", activities=5000))
    assert "磁盘空间不足" in caught.value.message
    assert isinstance(caught.value, StorageEnvironmentError)
    event.remove(db.engine, "connect", _cap)
    db.engine.dispose()
    assert dump(db) == before


def test_read_only_connection_is_reported(sqlite_db):
    db = sqlite_db
    # A database SQLite may only read (here: query_only on every connection) refuses writes with
    # SQLITE_READONLY, the code a read-only file gives.
    @event.listens_for(db.engine, "connect")
    def _read_only(dbapi_connection, _record):
        dbapi_connection.execute("PRAGMA query_only = ON")

    db.engine.dispose()
    with pytest.raises(ReadOnlyLocationError) as caught:
        db.units().add(Unit(name="甲"))
    assert "只读" in caught.value.message
    assert db.units().list() == []  # reading still works


def _chattr(flag: str, *paths: Path) -> bool:
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    return subprocess.run([chattr, flag, *map(str, paths)], capture_output=True).returncode == 0


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "existing-file"])
def test_read_only_folder_is_refused_with_a_clear_message(tmp_path, existing):
    # Immutable (chattr +i) holds even for root, who ignores permission bits.
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = folder / "fulian.db"
    if existing:
        with open_database(path) as db:
            db.reports().save(Report(unit=Unit(name="甲"), fiscal_year=2024))
    if not _chattr("+i", folder):
        pytest.skip("this file system cannot make a folder immutable")
    try:
        with pytest.raises(ReadOnlyLocationError) as caught:
            open_database(path)
        assert "只读" in caught.value.message and "可以写入的文件夹" in caught.value.message
    finally:
        _chattr("-i", folder)
