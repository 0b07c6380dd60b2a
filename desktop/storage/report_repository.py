"""ReportRepository: whole reports (one unit, one year) saved and loaded as domain object graphs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..domain.model import Activity, Report, Unit, UnitLevel
from . import rows
from .author import stamp
from .engine import reading, writing
from .errors import DuplicateReportError, InvalidReportError, ReportChangedError, ReportNotFoundError
from .report_loading import assemble_report
from .schema import (
    REPORT_CHILD_TABLES,
    metadata,
    SCOPE_DEPARTMENT_TARGET,
    SCOPE_PROJECT,
    SCOPE_SELF_EVALUATION,
    activities,
    income_lines,
    indicators,
    leadership_posts,
    narratives,
    projects,
    report_finances,
    report_profiles,
    report_texts,
    reports,
    three_public_lines,
    units,
    work_tasks,
)
from .translate import translated

if TYPE_CHECKING:
    from .handle import Database


@dataclass(frozen=True)
class ReportStamp:
    """A report's stored revision and its last writer ("login@PC") and time (ISO text or None)."""

    revision: int
    changed_by: str
    changed_at: str | None


class ReportRepository:
    def __init__(self, database: Database):
        self._db = database

    # -------------------------------------------------------------- looking up

    def list_years(self, unit_id: int) -> list[int]:
        """The fiscal years the unit has a report for, oldest first."""
        with translated(self._db.path), reading(self._db.engine) as conn:
            query = select(reports.c.fiscal_year).where(reports.c.unit_id == unit_id).order_by(reports.c.fiscal_year)
            return list(conn.execute(query).scalars())

    def list_all(self) -> list[tuple[Unit, int, str]]:
        """(unit, fiscal year, status value) of every report, by unit name and then year."""
        query = (
            select(units, reports.c.fiscal_year, reports.c.status)
            .join(reports, reports.c.unit_id == units.c.id)
            .order_by(units.c.name, units.c.id, reports.c.fiscal_year)
        )
        with translated(self._db.path), reading(self._db.engine) as conn:
            return [(rows.unit_from(r), r["fiscal_year"], r["status"]) for r in conn.execute(query).mappings()]

    def get(self, unit_id: int, year: int) -> Report | None:
        """The whole report of the unit for the year, or None."""
        with translated(self._db.path), reading(self._db.engine) as conn:
            query = (
                select(reports, units.c.name.label("unit_name"), units.c.level, units.c.superior)
                .join(units, units.c.id == reports.c.unit_id)
                .where(reports.c.unit_id == unit_id, reports.c.fiscal_year == year)
            )
            row = conn.execute(query).mappings().first()
            return None if row is None else _load(conn, row)

    # -------------------------------------------------------------- saving whole

    def save(self, report: Report, *, replace: bool = False) -> Report:
        """Store the report whole in one transaction, replacing every row it had; set its id and revision.

        Optimistic concurrency: a report that was loaded (it has an id) is written only while the stored
        revision is still `report.revision`; otherwise ReportChangedError and nothing is written. A new
        report (no id) is inserted; if its unit already has that year, DuplicateReportError, unless
        `replace` (an explicit import --replace), which overwrites whatever revision is stored. The check
        and the write are one transaction, so two writers can never both succeed on one revision.

        A unit without id is found by name or created, in the same transaction. The unit's own fields
        are not changed by saving a report (they are shared by all its years: use units().update);
        the report's unit is refreshed from the stored unit. On any failure nothing is written and
        the report object is left as it was.
        """
        _check_keys(report)
        with translated(self._db.path), writing(self._db.engine) as conn:
            report_id, unit_row = store_whole(conn, report, replace=replace)
            revision = conn.execute(select(reports.c.revision).where(reports.c.id == report_id)).scalar_one()
        report.id = report_id
        report.revision = revision
        report.unit.id = unit_row["id"]
        report.unit.name = unit_row["name"]
        report.unit.level = UnitLevel(unit_row["level"])
        report.unit.superior = unit_row["superior"]
        return report

    def revision(self, unit_id: int, year: int) -> int | None:
        """The stored revision of the unit's report for the year, or None when there is none."""
        with translated(self._db.path), reading(self._db.engine) as conn:
            query = select(reports.c.revision).where(reports.c.unit_id == unit_id, reports.c.fiscal_year == year)
            return conn.execute(query).scalar()

    def last_change(self, unit_id: int, year: int) -> ReportStamp | None:
        """The stored revision of the report and who wrote it last and when; None when there is none.

        One small query: what a window polls to notice a save made on another PC.
        """
        query = select(reports.c.revision, reports.c.changed_by, reports.c.changed_at).where(
            reports.c.unit_id == unit_id, reports.c.fiscal_year == year
        )
        with translated(self._db.path), reading(self._db.engine) as conn:
            row = conn.execute(query).first()
        return None if row is None else ReportStamp(row[0], row[1] or "", row[2])

    def delete(self, unit_id: int, year: int) -> bool:
        """Delete the report and everything behind it. False if there was none."""
        with translated(self._db.path), writing(self._db.engine) as conn:
            query = delete(reports).where(reports.c.unit_id == unit_id, reports.c.fiscal_year == year)
            return conn.execute(query).rowcount > 0

    # -------------------------------------------------------------- the ledger, line by line

    def save_activity(self, report: Report | int, activity: Activity) -> Activity:
        """Insert or update one ledger line by its key; a new line goes to the end of the ledger.

        Given the Report, the write is checked against and advances `report.revision` like save();
        given a bare report id (a tool that holds no copy of the report), it only advances the revision.
        """
        values = rows.activity_values(activity)
        with translated(self._db.path), writing(self._db.engine) as conn:
            report_id = _existing_report_id(conn, report)
            revision = _advance_revision(conn, report, report_id)
            next_position = (
                select(func.coalesce(func.max(activities.c.position) + 1, 0))
                .where(activities.c.report_id == report_id)
                .scalar_subquery()
            )
            existing = conn.execute(
                select(activities.c.id).where(activities.c.report_id == report_id, activities.c.key == activity.key)
            ).scalar()
            if existing is None:
                conn.execute(insert(activities).values(report_id=report_id, position=next_position, **values))
            else:
                changed = {name: value for name, value in values.items() if name != "key"}
                conn.execute(update(activities).where(activities.c.id == existing).values(changed))
        if isinstance(report, Report):
            report.revision = revision  # only once committed
        return activity

    def delete_activity(self, report: Report | int, key: str) -> bool:
        """Remove one ledger line. False if the report had no line with this key (nothing written then)."""
        with translated(self._db.path), writing(self._db.engine) as conn:
            report_id = _existing_report_id(conn, report)
            query = delete(activities).where(activities.c.report_id == report_id, activities.c.key == key)
            removed = conn.execute(query).rowcount > 0
            # Refused: the delete is rolled back with it.
            revision = _advance_revision(conn, report, report_id) if removed else None
        if revision is not None and isinstance(report, Report):
            report.revision = revision  # only once committed
        return removed


# ------------------------------------------------------------------ saving, step by step


def store_whole(conn: Connection, report: Report, *, replace: bool = False) -> tuple[int, Any]:
    """Within the caller's transaction: the unit (found or created), the report row and all its rows.

    The report row is written under the revision rules of ReportRepository.save (`replace` as there).
    """
    unit_row = _resolve_unit(conn, report.unit)
    report_id, _revision = _write_report_row(conn, report, unit_row, replace)
    for table in REPORT_CHILD_TABLES:
        conn.execute(delete(table).where(table.c.report_id == report_id))
    _insert_children(conn, report_id, report)
    return report_id, unit_row


def _check_keys(report: Report) -> None:
    """Keys identify tasks, projects and ledger lines within a report, so they must be unique."""
    for name, label, items in (
        ("tasks", "工作任务", report.tasks),
        ("projects", "项目", report.projects),
        ("activities", "活动", report.activities),
    ):
        counts = Counter(item.key for item in items)
        duplicated = [key for key, n in counts.items() if n > 1 or not key]
        if duplicated:
            raise InvalidReportError(
                f"报告中的{label}编号“{duplicated[0]}”为空或重复出现，无法保存。"
                f"请删除重复的{label}后重试（report.{name}）。"
            )


def _resolve_unit(conn: Connection, unit: Unit) -> Any:
    """The stored unit row for the report's unit: by id, else by name, else newly created."""
    if unit.id is not None:
        row = conn.execute(select(units).where(units.c.id == unit.id)).mappings().first()
        if row is not None:
            return row
    by_name = select(units).where(units.c.name == unit.name)
    row = conn.execute(by_name).mappings().first()
    if row is not None:
        return row
    try:
        # Nested: on a server another PC may insert the same unit at this moment (two imports of one
        # new unit); the unique name refuses the second insert, which then takes the unit just committed.
        with conn.begin_nested():
            new_id = conn.execute(insert(units).values(rows.unit_row(unit))).inserted_primary_key[0]
    except IntegrityError:
        row = conn.execute(by_name).mappings().first()
        if row is None:
            raise
        return row
    return conn.execute(select(units).where(units.c.id == new_id)).mappings().one()


def _write_report_row(conn: Connection, report: Report, unit_row: Any, replace: bool) -> tuple[int, int]:
    """Update the report's row in place (its id stays, the ledger refers to it) or insert a new one.

    Returns (id, new revision). The revision test is in the UPDATE's WHERE clause, so it holds under any
    isolation level and on any database: of two writers that loaded one revision, only one row update
    can match it.
    """
    values = rows.report_row(report, unit_row["id"])
    same_year = conn.execute(
        select(reports.c.id).where(reports.c.unit_id == unit_row["id"], reports.c.fiscal_year == report.fiscal_year)
    ).scalar()
    if report.id is not None:
        stored = conn.execute(select(reports.c.id).where(reports.c.id == report.id)).scalar()
        if stored is None:
            raise ReportChangedError(unit_row["name"], report.fiscal_year, deleted=True)
        if same_year is not None and same_year != stored:
            raise DuplicateReportError(unit_row["name"], report.fiscal_year)
        return stored, _update_checked(conn, report, stored, values, checked=True)
    if same_year is not None:
        if not replace:
            raise DuplicateReportError(unit_row["name"], report.fiscal_year)
        return same_year, _update_checked(conn, report, same_year, values, checked=False)
    try:
        # A nested transaction, so that a unique-constraint refusal (a writer on a server database that
        # inserted the same year a moment ago) leaves the outer transaction usable and is reported.
        with conn.begin_nested():
            new_id = conn.execute(insert(reports).values({**values, **stamp(), "revision": 1})).inserted_primary_key[0]
    except IntegrityError:
        raise DuplicateReportError(unit_row["name"], report.fiscal_year) from None
    return new_id, 1


def _update_checked(conn: Connection, report: Report, report_id: int, values: dict, checked: bool) -> int:
    """Write the row and raise its revision; when `checked`, only if the stored one is `report.revision`.

    A copy without a revision (None) never matches: it cannot prove it is up to date.
    """
    query = update(reports).where(reports.c.id == report_id)
    if checked:
        query = query.where(reports.c.revision == report.revision)
    result = conn.execute(
        query.values({**values, **stamp(), "revision": reports.c.revision + 1}).returning(reports.c.revision)
    )
    revision = result.scalar()
    if revision is None:
        raise _changed_elsewhere(conn, report, report_id)
    return revision


def _existing_report_id(conn: Connection, report: Report | int) -> int:
    """The id of the stored report a line-by-line write goes to; refused when it is gone."""
    report_id = report if isinstance(report, int) else report.id
    if report_id is None or conn.execute(select(reports.c.id).where(reports.c.id == report_id)).scalar() is None:
        if isinstance(report, Report):
            raise ReportChangedError(report.unit.name, report.fiscal_year, deleted=True)
        raise ReportNotFoundError(report_id)
    return report_id


def _advance_revision(conn: Connection, report: Report | int, report_id: int) -> int:
    """Raise the stored revision and return it; checked against `report.revision` when given a Report."""
    query = update(reports).where(reports.c.id == report_id)
    if isinstance(report, Report):
        query = query.where(reports.c.revision == report.revision)
    revision = conn.execute(
        query.values(revision=reports.c.revision + 1, **stamp()).returning(reports.c.revision)
    ).scalar()
    if revision is None:
        raise _changed_elsewhere(conn, report, report_id)
    return revision


def _changed_elsewhere(conn: Connection, report: Report, report_id: int) -> ReportChangedError:
    """The refusal, naming who wrote the stored report last and when (read in the refused transaction,
    which sees that writer's commit: it is what made the revision differ)."""
    row = conn.execute(select(reports.c.changed_by, reports.c.changed_at).where(reports.c.id == report_id)).first()
    by, at = (row[0], row[1]) if row is not None else ("", None)
    return ReportChangedError(report.unit.name, report.fiscal_year, by=by or None, at=at)


def _insert_children(conn: Connection, report_id: int, report: Report) -> None:
    def many(table, batch: list[dict[str, Any]]) -> None:
        if batch:
            conn.execute(insert(table), batch)

    conn.execute(insert(report_profiles).values(rows.profile_row(report_id, report.profile)))
    conn.execute(insert(report_finances).values(rows.finance_row(report_id, report.finance)))
    many(
        report_texts,
        rows.texts_rows(report_id, "internal_bodies", report.profile.internal_bodies)
        + rows.texts_rows(report_id, "activity_kinds", report.activity_kinds)
        + rows.texts_rows(report_id, "problems", report.problems)
        + rows.texts_rows(report_id, "measures", report.measures)
        + rows.texts_rows(report_id, "overlays", report.overlays),
    )
    many(leadership_posts, rows.post_rows(report_id, report.profile.leadership_posts))
    many(work_tasks, rows.task_rows(report_id, report.tasks))
    many(activities, rows.activity_rows(report_id, report.activities))
    many(income_lines, rows.income_rows(report_id, report.finance.income_lines))
    many(three_public_lines, rows.three_public_rows(report_id, report.finance.three_public))
    indicator_batch = rows.indicator_rows(
        report_id, SCOPE_DEPARTMENT_TARGET, report.department_target.indicators
    ) + rows.indicator_rows(report_id, SCOPE_SELF_EVALUATION, report.self_evaluation.indicators)
    for position, project in enumerate(report.projects):
        project_id = conn.execute(
            insert(projects).values(rows.project_row(report_id, position, project))
        ).inserted_primary_key[0]
        indicator_batch += rows.indicator_rows(report_id, SCOPE_PROJECT, project.indicators, project_id)
    many(indicators, indicator_batch)
    many(narratives, rows.narrative_rows(report_id, report.narratives))


# ------------------------------------------------------------------ loading


def load_all(conn: Connection) -> list[Report]:
    """Every report in the database, by unit name and year (for a backup taken inside a transaction)."""
    query = (
        select(reports, units.c.name.label("unit_name"), units.c.level, units.c.superior)
        .join(units, units.c.id == reports.c.unit_id)
        .order_by(units.c.name, reports.c.fiscal_year)
    )
    return [_load(conn, row) for row in conn.execute(query).mappings().all()]


def _load(conn: Connection, row: Any) -> Report:
    report_id = row["id"]

    def fetch(table_name: str, order: tuple[str, ...]):
        table = metadata.tables[table_name]
        query = select(table).where(table.c.report_id == report_id).order_by(*(table.c[name] for name in order))
        return conn.execute(query).mappings().all()

    return assemble_report(row, fetch)
