"""Shared fixtures for the Excel tests: seed reports, small reports and workbooks written on the fly."""

from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from desktop.domain.model import Activity, Project, Report, Unit, WorkTask
from desktop.exchange import read_file

DATA = Path(__file__).resolve().parent.parent / "data"
SEED_000 = DATA / "seed_000_jinkouhe_2024.fulian.json"
SEED_004 = DATA / "seed_004_huangpu_2022.fulian.json"
SOFFICE = "/usr/bin/soffice"


def seed(path: Path = SEED_000) -> Report:
    return read_file(path)


def small_report() -> Report:
    """A report with two tasks, two projects and one activity, for import tests."""
    tasks = [WorkTask("学习教育，常抓不懈", key="t1"), WorkTask("关爱妇女健康", key="t2")]
    projects = [Project("春蕾行动计划经费", key="p1"), Project("贫困母亲救助", key="p2")]
    activity = Activity("“两癌”免费筛查", date=date(2024, 5, 10), kind="筛查", participants=930, task_key="t2", key="a1")
    return Report(unit=Unit("测试区妇联"), fiscal_year=2024, tasks=tasks, projects=projects, activities=[activity])


def workbook(path: Path, rows: list[list], title: str = "活动台账", merges: list[str] = ()) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


LEDGER_HEADER = ["日期", "活动类型", "活动名称", "场次", "参与人次", "受益人数", "金额（元）", "关联工作任务", "关联项目", "备注"]


def without_keys(activities: list[Activity]) -> list[Activity]:
    """Activities compared by content: the keys are fresh on import."""
    out = []
    for activity in activities:
        clone = copy.copy(activity)
        clone.key = ""
        out.append(clone)
    return out


def recalculate_to_csv(xlsx: Path, out_dir: Path) -> dict[str, list[list[str]]]:
    """LibreOffice Calc opens the workbook, recalculates every formula, and writes each sheet as CSV."""
    import csv

    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        user = profile / "user"
        user.mkdir(parents=True)
        # Calc keeps stored formula values by default; 0 = always recalculate on load.
        (user / "registrymodifications.xcu").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
            '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
            "</oor:items>\n",
            encoding="utf-8",
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
             "--outdir", str(out_dir), str(xlsx)],
            check=True, capture_output=True, timeout=120,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    sheets = {}
    for csv_path in out_dir.glob(f"{xlsx.stem}-*.csv"):
        with open(csv_path, encoding="utf-8", newline="") as handle:
            sheets[csv_path.stem[len(xlsx.stem) + 1:]] = list(csv.reader(handle))
    return sheets


def to_decimal(value) -> Decimal:
    return Decimal(str(value))
