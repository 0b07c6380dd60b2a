"""Fixtures for storage tests: a fresh database file in the test's own folder."""

from __future__ import annotations

import pytest

from desktop.storage import open_database


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "fulian.db"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()
