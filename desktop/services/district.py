"""The district's townships and its view of them: status of the year's files and the district summary."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..domain.district import UNSTATED_UNIT, DistrictSummary, Submission, SubmissionState, TownshipFigures, submission_state
from ..domain.evaluation import department_evaluation
from ..domain.model import Budget, Finance, Report, Unit, UnitLevel
from ..errors import UserError
from ..rulesets import rule_set_for
from .workspace import Workspace


class DistrictError(UserError):
    """A request about townships that cannot be carried out."""


# ------------------------------------------------------------------ townships


@dataclass(frozen=True)
class Township:
    unit: Unit
    retired: bool

    @property
    def name(self) -> str:
        return self.unit.name


def townships(workspace: Workspace, district: str, include_retired: bool = True) -> list[Township]:
    """The district's 乡镇（街道）: units of level 乡镇街道 whose superior is the district."""
    return [Township(u, r) for u, r in workspace.database.district().townships(district, include_retired)]


def add_township(workspace: Workspace, district: str, name: str) -> Township:
    name = name.strip()
    if not name:
        raise DistrictError("请填写乡镇（街道）妇联的名称。")
    if workspace.database.units().find(name) is not None:
        raise DistrictError(f"单位“{name}”已经存在。如是同一单位，请直接使用它。")
    unit = workspace.create_unit(Unit(name=name, level=UnitLevel.TOWNSHIP, superior=district))
    return Township(unit, False)


def _township(workspace: Workspace, district: str, name: str) -> Township:
    for township in townships(workspace, district):
        if township.name == name:
            return township
    listed = "、".join(t.name for t in townships(workspace, district)) or "（还没有乡镇（街道））"
    raise DistrictError(f"“{district}”下没有乡镇（街道）“{name}”。现有：{listed}")


def rename_township(workspace: Workspace, district: str, name: str, new_name: str) -> Township:
    """Rename (e.g. 某某乡 → 某某镇); every year's report and collected file stays with it."""
    township = _township(workspace, district, name)
    new_name = new_name.strip()
    if not new_name:
        raise DistrictError("请填写新的名称。")
    if new_name != name and workspace.database.units().find(new_name) is not None:
        raise DistrictError(f"单位“{new_name}”已经存在，不能改为这个名称。")
    unit = dataclasses.replace(township.unit, name=new_name)
    workspace.database.units().update(unit)
    return Township(unit, township.retired)


def retire_township(workspace: Workspace, district: str, name: str, retired: bool = True) -> Township:
    """撤销 (merged or abolished): no longer counted as 未报送; its reports are kept."""
    township = _township(workspace, district, name)
    workspace.database.district().set_retired(township.unit.id, retired)
    return Township(township.unit, retired)


# ------------------------------------------------------------------ figures


def scored(figures: TownshipFigures) -> TownshipFigures:
    """The figures with the 自评 total and grade, computed under the report's own rule set."""
    skeleton = Report(
        unit=figures.unit,
        fiscal_year=0,
        rule_set=figures.rule_set,
        finance=Finance(budget=Budget(adjusted=figures.budget_adjusted, executed=figures.budget_executed)),
        self_evaluation=figures.self_evaluation,
    )
    evaluation = department_evaluation(skeleton, rule_set_for(skeleton))
    return dataclasses.replace(figures, self_score=evaluation.total, grade=evaluation.grade)


@dataclass(frozen=True)
class StatusRow:
    """One township's line of the status table."""

    township: Township
    state: SubmissionState
    submission: Optional[Submission]
    figures: Optional[TownshipFigures]


def district_status(workspace: Workspace, district: str, year: int) -> list[StatusRow]:
    """Every current township (and a retired one that did report) with its state and figures."""
    repo = workspace.database.district()
    listed = townships(workspace, district)
    ids = [t.unit.id for t in listed]
    submissions = repo.submissions(ids, year)
    figures = repo.figures(ids, year)
    rows = []
    for township in listed:
        has_report = township.unit.id in figures
        if township.retired and not has_report:
            continue
        found = figures.get(township.unit.id)
        rows.append(
            StatusRow(
                township,
                submission_state(submissions.get(township.unit.id), has_report),
                submissions.get(township.unit.id),
                scored(found) if found else None,
            )
        )
    return rows


def district_summary(workspace: Workspace, district: str, year: int) -> DistrictSummary:
    """全区汇总 over the townships that have a report for the year."""
    rows = [row.figures for row in district_status(workspace, district, year) if row.figures is not None]
    if not rows:
        raise DistrictError(
            f"“{district}”还没有收到任何乡镇（街道） {year} 年度的报送文件，无法汇总。请先收集报送文件。"
        )
    return DistrictSummary(district, year, rows)


# ------------------------------------------------------------------ tables and files

STATUS_HEADERS = [
    "乡镇（街道）", "报送状态", "错误数", "警告数", "规则代码", "文件", "文件日期", "校验", "活动数", "场次", "参与人次",
    "受益", "活动金额（元）", "预算执行数（元）", "自评得分", "等级",
]
INTEGRITY_NAMES = {"VERIFIED": "已校验", "UNVERIFIED": "未校验"}


def beneficiaries_text(figures: Optional[TownshipFigures]) -> str:
    if figures is None:
        return ""
    return "，".join(f"{n}{'' if unit == UNSTATED_UNIT else unit}" + ("（未注明单位）" if unit == UNSTATED_UNIT else "")
                    for unit, n in figures.totals.beneficiaries.items())


def status_values(row: StatusRow) -> list:
    """One status row as the table shows it (numbers stay numbers, for sorting and for Excel)."""
    s, f = row.submission, row.figures
    codes = " ".join(s.rule_codes) if s else ""
    return [
        row.township.name + ("（已撤销）" if row.township.retired else ""),
        row.state.value,
        (s.error_count + (1 if s.refusal else 0)) if s else 0,
        s.warning_count if s else 0,
        codes,
        s.file_name if s else "",
        s.file_date.strftime("%Y-%m-%d") if s and s.file_date else "",
        INTEGRITY_NAMES.get(s.integrity, "") if s else "",
        f.totals.activities if f else None,
        f.totals.sessions if f else None,
        f.totals.participants if f else None,
        beneficiaries_text(f),
        f.totals.money if f else None,
        f.budget_executed if f else None,
        f.self_score if f else None,
        f.grade.value if f and f.grade else "",
    ]


def export_status(workspace: Workspace, district: str, year: int, path: Path, order: Optional[list[str]] = None) -> Path:
    """The status table as a workbook; `order` (township names) keeps the order the clerk sorted on screen."""
    from ..reports.district_workbook import write_table_workbook

    status = district_status(workspace, district, year)
    if order:
        rank = {name: i for i, name in enumerate(order)}
        status.sort(key=lambda r: rank.get(r.township.name, len(rank)))
    rows = [status_values(r) for r in status]
    return write_table_workbook(f"{district} {year} 年度报送情况", STATUS_HEADERS, rows, path)


def export_summary(workspace: Workspace, district: str, year: int, path: Path) -> Path:
    from ..reports.district_workbook import write_summary_workbook

    status = district_status(workspace, district, year)
    summary = district_summary(workspace, district, year)
    states = {r.township.name: r.state.value for r in status}
    return write_summary_workbook(summary, path, states)
