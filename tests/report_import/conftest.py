"""Fixtures of the report-import tests: the seeds exported by the program, and the clerk-style documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.exchange import read_file

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_FILES = {"000": DATA / "seed_000_jinkouhe_2024.fulian.json", "004": DATA / "seed_004_huangpu_2022.fulian.json"}
# Seed 000's text names its unit only by the short 金口河区妇联: the clerk gives the full name.
UNITS = {"000": "乐山市金口河区妇女联合会", "004": None}


def seed_report(seed: str):
    return read_file(SEED_FILES[seed])


@pytest.fixture(scope="session")
def program_exports(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Both seeds exported by the program: {"000": {"docx": path, "pdf": path}, …}."""
    from desktop.reports.export import export_report

    result = {}
    for seed in SEED_FILES:
        out = tmp_path_factory.mktemp(f"export_{seed}")
        paths = export_report(seed_report(seed), out, ("docx", "pdf")).paths
        result[seed] = {p.suffix[1:]: p for p in paths}
    return result


@pytest.fixture(scope="session")
def clerk_documents(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Both seeds as a clerk's Word file, and LibreOffice's PDF of it."""
    from tests.report_import.clerk_documents import build_all

    return build_all(tmp_path_factory.mktemp("clerk"))
