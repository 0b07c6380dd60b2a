"""The SQLite engine: foreign keys on, WAL journal, busy timeout, and real transactions (BEGIN/IMMEDIATE)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # imported by make_engine: a file at the newest schema opens and shows without SQLAlchemy
    from sqlalchemy import Connection, Engine

BUSY_TIMEOUT_MS = 5000
IMMEDIATE = "fulian_begin_immediate"  # execution option: take the write lock at BEGIN


def make_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    engine = create_engine(URL.create("sqlite", database=str(path)))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Python's sqlite3 opens transactions lazily and never around DDL; take that job over so every
        # transaction (a migration included) is one real SQLite transaction, begun in _on_begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            # WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
            cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection):
        # A writer takes the lock at BEGIN: a deferred transaction that reads and then writes can meet
        # SQLITE_BUSY at its first write, where the busy timeout no longer helps under WAL.
        immediate = connection.get_execution_options().get(IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot of the database."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            # PostgreSQL's default (READ COMMITTED) takes a new snapshot per statement: a report read in
            # several SELECTs while another PC saves could mix old and new rows.
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: everything inside commits together or not at all."""
    with engine.connect() as connection:
        connection = connection.execution_options(**{IMMEDIATE: True})
        with connection.begin():
            yield connection
