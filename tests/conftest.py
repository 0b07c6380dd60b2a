"""Root test configuration: Qt runs offscreen, fixtures give real databases and the seed reports."""

import os

# Must happen before any QApplication exists, or Qt aborts the process without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA

SEED_000 = DATA / "seed_000_jinkouhe_2024.fulian.json"
SEED_004 = DATA / "seed_004_huangpu_2022.fulian.json"


@pytest.fixture
def seed_paths() -> list[Path]:
    return [SEED_000, SEED_004]


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A fresh database file location (created and migrated by whoever opens it)."""
    return tmp_path / "data" / "fulian.db"


@pytest.fixture
def database(db_path):
    from desktop.storage import open_database

    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def workspace(database):
    from desktop.services.workspace import Workspace

    return Workspace(database)
