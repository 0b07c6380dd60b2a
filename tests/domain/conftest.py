"""The two seed reports, read from their exchange fixtures, for the arithmetic tests."""

from pathlib import Path

import pytest

from desktop.domain.model import Report
from desktop.exchange import read_file

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def seed_000() -> Report:
    """乐山市金口河区妇联, 2024 (Sichuan outline)."""
    return read_file(DATA / "seed_000_jinkouhe_2024.fulian.json")


@pytest.fixture
def seed_004() -> Report:
    """广州市黄埔区妇女联合会, 2022 (Guangdong outline)."""
    return read_file(DATA / "seed_004_huangpu_2022.fulian.json")
