"""Fixtures for storage tests: a fresh database file in the test's own folder, or a fresh server database."""

from __future__ import annotations

import pytest


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "fulian.db"


@pytest.fixture
def db(db_locator, open_db):
    """A fresh database on SQLite and on PostgreSQL (see tests/conftest.py: db_locator)."""
    return open_db(db_locator)


@pytest.fixture
def sqlite_db(db_path, open_db):
    """A fresh SQLite database, for what only SQLite has (pragmas, WAL, its file on disk)."""
    return open_db(db_path)


@pytest.fixture
def pg_db(pg_server, open_db):
    """A fresh database on the test PostgreSQL server, for what only a server has."""
    return open_db(pg_server.url(pg_server.new_database()))
