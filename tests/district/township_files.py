"""A generator of township data files from the seed report, for collecting at a district.

`make_township_files(folder, n)` writes n good files (renamed townships, figures varied per township)
plus the awkward cases a district meets: one damaged, one edited by hand after export, one for another
year, and one older duplicate of a township's submission. It returns what each township's figures are,
computed here from the reports it wrote (not by the program's summary), for the tests to compare.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from desktop.domain.model import Report, UnitLevel
from desktop.exchange import read_file
from desktop.exchange.fileformat import to_document

from ..conftest import SEED_000

DISTRICT = "金口河区妇联"
YEAR = 2024
NAMES = ["永和镇", "和平彝族乡", "共安彝族乡", "吉星乡", "金河镇", "金川街道", "延风乡", "胜利街道", "新华乡", "红旗镇"]


def township_name(i: int) -> str:
    base = NAMES[i % len(NAMES)]
    return f"{base}妇联" if i < len(NAMES) else f"{base}{i // len(NAMES) + 1}妇联"


@dataclass
class Expected:
    """What the test expects of each township, computed from the written reports."""

    good: dict[str, Report] = field(default_factory=dict)  # township → the report that should be stored
    damaged: str = ""  # file name
    hand_edited: str = ""  # file name; its township is in good too (it had an earlier good file? no: see below)
    hand_edited_township: str = ""
    other_year: str = ""
    older_duplicate: str = ""
    older_duplicate_township: str = ""


def township_report(seed: Report, i: int, activities: int | None = None) -> Report:
    """The seed's year as township i would report it: renamed, figures varied, optionally more ledger lines."""
    report = copy.deepcopy(seed)
    report.unit.name = township_name(i)
    report.unit.level = UnitLevel.TOWNSHIP
    report.unit.superior = DISTRICT
    report.id = report.unit.id = None
    lines = report.activities
    if activities is not None:
        base = list(lines)
        lines = []
        for n in range(activities):
            line = copy.deepcopy(base[n % len(base)])
            line.key = f"a{n:06d}"
            lines.append(line)
        report.activities = lines
    for n, activity in enumerate(lines):
        activity.participants = (activity.participants or 0) + i + n % 3
        activity.sessions = (activity.sessions or 0) + (i % 2)
        if activity.beneficiaries is not None:
            activity.beneficiaries += i
        if activity.money is not None:
            activity.money += Decimal(i)
    if report.finance.budget.executed is not None:
        report.finance.budget.executed += Decimal(100 * i)
    return report


def write_report(report: Report, path: Path, exported_at: datetime) -> Path:
    document = to_document(report)
    document["exported_at"] = exported_at.isoformat()
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def make_township_files(folder: Path, n: int, activities: int | None = None) -> Expected:
    folder.mkdir(parents=True, exist_ok=True)
    seed = read_file(SEED_000)
    base = datetime(2025, 3, 1, tzinfo=timezone.utc)
    expected = Expected()
    for i in range(n):
        report = township_report(seed, i, activities)
        write_report(report, folder / f"{report.unit.name}_{YEAR}_20250301.fulian.json", base + timedelta(hours=i))
        expected.good[report.unit.name] = report
    # An older submission of township 0, sent again by mistake: must not replace the newer file.
    older = township_report(seed, 0, activities)
    older.activities = older.activities[:-1]
    expected.older_duplicate_township = older.unit.name
    expected.older_duplicate = f"{older.unit.name}_{YEAR}_20250201.fulian.json"
    write_report(older, folder / expected.older_duplicate, base - timedelta(days=28))
    # A damaged file: cut short in transit.
    damaged = township_report(seed, n, activities)
    expected.damaged = f"{damaged.unit.name}_{YEAR}_20250301.fulian.json"
    text = (write_report(damaged, folder / expected.damaged, base)).read_bytes()
    (folder / expected.damaged).write_bytes(text[: len(text) // 2])
    # A file edited by hand after export: one digit of one figure changed, the checksum left as it was.
    edited = township_report(seed, n + 1, activities)
    expected.hand_edited_township = edited.unit.name
    expected.hand_edited = f"{edited.unit.name}_{YEAR}_20250301.fulian.json"
    path = write_report(edited, folder / expected.hand_edited, base)
    document = json.loads(path.read_text(encoding="utf-8"))
    first = document["report"]["activities"][0]
    first["participants"] = first["participants"] + 1
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    # A file for another year.
    other = township_report(seed, 1, activities)
    other.fiscal_year = YEAR - 1
    expected.other_year = f"{other.unit.name}_{YEAR - 1}_20240301.fulian.json"
    write_report(other, folder / expected.other_year, base - timedelta(days=365))
    return expected
