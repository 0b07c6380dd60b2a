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
