"""The migrated database equals the MetaData, and every constraint in it has a name."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from desktop.storage.schema import metadata


def test_migrated_schema_has_no_drift_from_metadata(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_drift_would_be_seen(db):
    # The check above can fail: a column the migration did not create shows up as a difference.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE units ADD COLUMN stray TEXT")
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert [d[0] for d in differences] == ["remove_column"]


def test_every_constraint_and_index_is_named(db):
    with db.engine.connect() as conn:
        inspector = inspect(conn)
        tables = [t for t in inspector.get_table_names() if t != "alembic_version"]
        assert sorted(tables) == sorted(metadata.tables)
        for table in tables:
            for fk in inspector.get_foreign_keys(table):
                assert fk["name"], (table, fk)
                assert fk["options"].get("ondelete") == "CASCADE", (table, fk)
            for uq in inspector.get_unique_constraints(table):
                assert uq["name"], (table, uq)
            for ix in inspector.get_indexes(table):
                if ix.get("duplicates_constraint"):
                    continue  # PostgreSQL lists the index behind each unique constraint as well
                assert ix["name"].startswith("ix_"), (table, ix)
            for ck in inspector.get_check_constraints(table):
                assert ck["name"].startswith("ck_"), (table, ck)
            assert inspector.get_pk_constraint(table)["name"] == f"pk_{table}"


def test_ledger_indexes_exist(db_path, sqlite_db):
    raw = sqlite3.connect(db_path)
    try:
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='activities'")}
        plan = " ".join(
            r[3] for r in raw.execute("EXPLAIN QUERY PLAN SELECT * FROM activities WHERE report_id=1 AND date >= '2024-01-01'")
        )
    finally:
        raw.close()
    assert {"ix_activities_report_id_date", "ix_activities_report_id_task_key", "ix_activities_report_id_position"} <= names
    assert "ix_activities_report_id_date" in plan


def test_server_ledger_indexes_exist_and_money_is_64_bit(pg_db):
    db = pg_db  # SQLite: test_ledger_indexes_exist; its INTEGER is always 64-bit
    with db.engine.connect() as conn:
        names = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'activities'").scalars())
        kinds = dict(conn.exec_driver_sql(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'report_finances'"
        ).all())
    assert {"ix_activities_report_id_date", "ix_activities_report_id_task_key", "ix_activities_report_id_position"} <= names
    assert kinds["income_total_fen"] == "bigint" and kinds["report_id"] == "integer"
