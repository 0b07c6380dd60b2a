"""DistrictRepository: a district's townships, the files collected from them, and their figures by SQL sums.

The figures are summed in the database (GROUP BY) rather than by loading 30 whole reports: a district
of 30 townships × 5,000 ledger lines must show its status and summary at once.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

from sqlalchemy import Connection, and_, delete, func, insert, literal, select, update

from ..domain.district import NO_TASK, UNSTATED_UNIT, Submission, Tally, TownshipFigures
from ..domain.model import Budget, Report, RuleSet, Unit, UnitLevel
from . import rows
from .engine import reading, writing
from .errors import UnitNotFoundError
from .report_repository import _check_keys, store_whole
from .schema import (
    SCOPE_SELF_EVALUATION,
    activities,
    indicators,
    report_finances,
    reports,
    submissions,
    units,
    work_tasks,
)
from .translate import translated

if TYPE_CHECKING:
    from .database import Database

def _beneficiary_unit_column():
    """The ledger line's unit of count for 受益 (人/人次/户/个) where the schema records one."""
    column = getattr(activities.c, "beneficiary_unit", None)
    if column is None:
        return literal(UNSTATED_UNIT)
    return func.coalesce(func.nullif(column, ""), UNSTATED_UNIT)


class DistrictRepository:
    def __init__(self, database: Database):
        self._db = database

    # -------------------------------------------------------------- townships

    def townships(self, district: str, include_retired: bool = True) -> list[tuple[Unit, bool]]:
        """(unit, retired) of every 乡镇街道 whose superior is the district, by name."""
        query = select(units).where(units.c.level == UnitLevel.TOWNSHIP.value, units.c.superior == district)
        if not include_retired:
            query = query.where(units.c.retired.is_(False))
        with translated(self._db.path), reading(self._db.engine) as conn:
            result = conn.execute(query.order_by(units.c.name, units.c.id)).mappings()
            return [(rows.unit_from(r), bool(r["retired"])) for r in result]

    def set_retired(self, unit_id: int, retired: bool) -> None:
        with translated(self._db.path), writing(self._db.engine) as conn:
            if conn.execute(update(units).where(units.c.id == unit_id).values(retired=retired)).rowcount == 0:
                raise UnitNotFoundError(unit_id)

    # -------------------------------------------------------------- collected files

    def submissions(self, unit_ids: list[int], year: int) -> dict[int, Submission]:
        query = select(submissions).where(submissions.c.unit_id.in_(unit_ids), submissions.c.fiscal_year == year)
        with translated(self._db.path), reading(self._db.engine) as conn:
            return {r["unit_id"]: _submission_from(r) for r in conn.execute(query).mappings()}

    def store_collected(self, report: Report, submission: Submission) -> Report:
        """Store the township's report whole and the record of its file in ONE transaction.

        A new township is created in the same transaction; on any failure (or a killed process)
        the township keeps its previous report and record exactly as they were.
        """
        _check_keys(report)
        with translated(self._db.path), writing(self._db.engine) as conn:
            report_id, unit_row = store_whole(conn, report, replace=True)  # a newer file replaces the last
            _upsert_submission(conn, unit_row["id"], submission)
        report.id = report_id
        report.unit.id = unit_row["id"]
        return report

    def store_refusal(self, unit_id: int, submission: Submission) -> None:
        """Record that the latest file of a known township was refused; its stored report stays."""
        with translated(self._db.path), writing(self._db.engine) as conn:
            _upsert_submission(conn, unit_id, submission)

    # -------------------------------------------------------------- figures

    def figures(self, unit_ids: list[int], year: int) -> dict[int, TownshipFigures]:
        """The figures of each township that has a report for the year, keyed by unit id."""
        if not unit_ids:
            return {}
        with translated(self._db.path), reading(self._db.engine) as conn:
            report_rows = conn.execute(
                select(reports, units.c.name, units.c.level, units.c.superior)
                .join(units, units.c.id == reports.c.unit_id)
                .where(reports.c.unit_id.in_(unit_ids), reports.c.fiscal_year == year)
            ).mappings().all()
            by_report = {r["id"]: r for r in report_rows}
            if not by_report:
                return {}
            ids = list(by_report)
            kinds = _tallies(conn, ids, activities.c.kind)
            task_title = func.coalesce(work_tasks.c.title, NO_TASK)
            tasks = _tallies(conn, ids, task_title, join_tasks=True)
            finance = {
                r["report_id"]: r
                for r in conn.execute(select(report_finances).where(report_finances.c.report_id.in_(ids))).mappings()
            }
            scored: dict[int, list] = defaultdict(list)
            query = (
                select(indicators)
                .where(indicators.c.report_id.in_(ids), indicators.c.scope == SCOPE_SELF_EVALUATION)
                .order_by(indicators.c.report_id, indicators.c.position)
            )
            for r in conn.execute(query).mappings():
                scored[r["report_id"]].append(rows.indicator_from(r))
        result: dict[int, TownshipFigures] = {}
        for report_id, row in by_report.items():
            unit = Unit(name=row["name"], level=UnitLevel(row["level"]), superior=row["superior"], id=row["unit_id"])
            f = finance.get(report_id)
            budget = Budget(
                adjusted=rows.yuan(f["budget_adjusted_fen"]) if f else None,
                executed=rows.yuan(f["budget_executed_fen"]) if f else None,
            )
            by_kind = kinds.get(report_id, {})
            result[unit.id] = TownshipFigures(
                unit=unit,
                totals=_sum_groups(by_kind),
                by_kind=by_kind,
                by_task=tasks.get(report_id, {}),
                budget_adjusted=budget.adjusted,
                budget_executed=budget.executed,
                self_evaluation=rows.self_evaluation_from(row, scored[report_id]),
                rule_set=RuleSet(row["rule_set"]),
            )
        return result


def _sum_groups(groups: dict[str, Tally]) -> Tally:
    total = Tally()
    for tally in groups.values():
        total = total.merged(tally)
    return total


def _tallies(conn: Connection, report_ids: list[int], group: Any, join_tasks: bool = False) -> dict[int, dict[str, Tally]]:
    """report id → group → Tally, with beneficiaries split by their unit of count."""
    unit_of_count = _beneficiary_unit_column()
    source = activities
    if join_tasks:
        source = activities.outerjoin(
            work_tasks, and_(work_tasks.c.report_id == activities.c.report_id, work_tasks.c.key == activities.c.task_key)
        )
    query = (
        select(
            activities.c.report_id,
            group.label("grp"),
            unit_of_count.label("unit_of_count"),
            func.count().label("n"),
            func.coalesce(func.sum(activities.c.sessions), 0).label("sessions"),
            func.coalesce(func.sum(activities.c.participants), 0).label("participants"),
            func.sum(activities.c.beneficiaries).label("beneficiaries"),
            func.coalesce(func.sum(activities.c.money_fen), 0).label("money_fen"),
        )
        .select_from(source)
        .where(activities.c.report_id.in_(report_ids))
        .group_by(activities.c.report_id, group, unit_of_count)
        .order_by(activities.c.report_id, func.min(activities.c.position))
    )
    result: dict[int, dict[str, Tally]] = defaultdict(dict)
    for r in conn.execute(query).mappings():
        beneficiaries = {r["unit_of_count"]: r["beneficiaries"]} if r["beneficiaries"] is not None else {}
        part = Tally(r["n"], r["sessions"], r["participants"], beneficiaries, rows.yuan(r["money_fen"]))
        groups = result[r["report_id"]]
        name = r["grp"] or "其他"
        groups[name] = groups.get(name, Tally()).merged(part)
    return result


def _upsert_submission(conn: Connection, unit_id: int, submission: Submission) -> None:
    values = {
        "file_name": submission.file_name,
        "file_date": submission.file_date.isoformat() if submission.file_date else None,
        "collected_at": submission.collected_at.isoformat(),
        "integrity": submission.integrity,
        "refusal": submission.refusal,
        "error_count": submission.error_count,
        "warning_count": submission.warning_count,
        "rule_codes": " ".join(submission.rule_codes),
    }
    # Delete and insert within the caller's transaction: one statement shape for SQLite and PostgreSQL.
    key = and_(submissions.c.unit_id == unit_id, submissions.c.fiscal_year == submission.fiscal_year)
    conn.execute(delete(submissions).where(key))
    conn.execute(insert(submissions).values(unit_id=unit_id, fiscal_year=submission.fiscal_year, **values))


def _submission_from(row: Any) -> Submission:
    def when(text: Optional[str]) -> Optional[datetime]:
        return datetime.fromisoformat(text) if text else None

    return Submission(
        unit_id=row["unit_id"],
        fiscal_year=row["fiscal_year"],
        file_name=row["file_name"],
        file_date=when(row["file_date"]),
        collected_at=when(row["collected_at"]),
        integrity=row["integrity"],
        refusal=row["refusal"],
        error_count=row["error_count"],
        warning_count=row["warning_count"],
        rule_codes=tuple(row["rule_codes"].split()),
    )
