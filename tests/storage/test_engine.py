"""The engine's pragmas hold on every connection: foreign keys enforced, WAL, busy timeout; PostgreSQL's
transactions are real too, and its reads see one snapshot."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.domain.model import Report, Unit
from desktop.storage.engine import BUSY_TIMEOUT_MS, reading, writing


def test_pragmas_on_every_pooled_connection(sqlite_db):
    with sqlite_db.engine.connect() as a, sqlite_db.engine.connect() as b:  # two distinct pooled connections
        for conn in (a, b):
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS == 5000


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError, match="(?i)foreign key"):
        with writing(db.engine) as conn:
            conn.execute(text(
                "INSERT INTO reports (unit_id, fiscal_year, outline, status, rule_set, title, target_text,"
                " execution_weight) VALUES (999, 2024, 'sichuan', 'draft', 'national', '', '', '10')"
            ))


def test_deleting_a_unit_cascades_to_its_reports_and_their_rows(db):
    report = db.reports().save(Report(unit=Unit(name="甲"), fiscal_year=2024))
    assert db.units().delete(report.unit.id) is True
    with reading(db.engine) as conn:
        for table in ("reports", "report_profiles", "report_finances", "report_texts"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table


def test_transactions_are_real_sqlite_transactions(sqlite_db):
    # With the driver's implicit transactions replaced, a rollback undoes everything, DDL included.
    with pytest.raises(RuntimeError):
        with writing(sqlite_db.engine) as conn:
            conn.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
            conn.exec_driver_sql("INSERT INTO units (name, level, superior) VALUES ('乙', '区县', '')")
            raise RuntimeError("abandon")
    with reading(sqlite_db.engine) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name='scratch'").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM units").scalar() == 0


def test_writers_take_the_lock_at_begin(sqlite_db):
    with writing(sqlite_db.engine) as conn:
        # in_transaction at the SQLite level, and holding the write lock before any write:
        assert conn.connection.driver_connection.in_transaction
        other = sqlite_db.engine.raw_connection()
        try:
            other.driver_connection.execute("PRAGMA busy_timeout = 0")
            with pytest.raises(Exception, match="locked"):
                other.driver_connection.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_server_transactions_roll_back_ddl_too(pg_db):
    db = pg_db
    with pytest.raises(RuntimeError):
        with writing(db.engine) as conn:
            conn.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
            conn.exec_driver_sql("INSERT INTO units (name, level, superior) VALUES ('乙', '区县', '')")
            raise RuntimeError("abandon")
    with reading(db.engine) as conn:
        assert conn.exec_driver_sql("SELECT to_regclass('scratch') IS NULL").scalar() is True
        assert conn.exec_driver_sql("SELECT count(*) FROM units").scalar() == 0


def test_server_reads_see_one_snapshot(pg_db):
    # A report is read in many SELECTs; a save committed by another PC in between must not show
    # in the later ones (REPEATABLE READ), or the clerk could see half of the other PC's save.
    # (A SQLite read transaction is one snapshot by nature.)
    db = pg_db
    db.units().add(Unit(name="甲"))
    with reading(db.engine) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM units").scalar() == 1
        db.units().add(Unit(name="乙"))  # committed on another connection meanwhile
        assert conn.exec_driver_sql("SELECT count(*) FROM units").scalar() == 1
    with reading(db.engine) as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM units").scalar() == 2
