"""A whole Report built from its stored rows, written once for every way of reading them.

The repositories read through SQLAlchemy; a start-up that only shows a report reads a SQLite file at
the newest schema with the sqlite3 module (storage/quick_read.py), so that SQLAlchemy's import is not
paid before the first paint. Both hand this module the report's row and a `fetch(table, order)` that
returns the report's rows of one child table, as mappings, in that order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Mapping, Sequence

from ..domain.model import Outline, Report, ReportStatus, RuleSet, Unit, UnitLevel
from . import rows

# Where an indicator belongs: the department's target, the 自评表, or one project's 自评表 (附1).
SCOPE_DEPARTMENT_TARGET = "department_target"
SCOPE_SELF_EVALUATION = "self_evaluation"
SCOPE_PROJECT = "project"

Fetch = Callable[[str, tuple[str, ...]], Sequence[Mapping[str, Any]]]


def assemble_report(row: Mapping[str, Any], fetch: Fetch) -> Report:
    """The report whose `reports` row (with unit_name, level, superior of its unit) is `row`."""
    texts: dict[str, list[str]] = defaultdict(list)
    for r in fetch("report_texts", ("list_name", "position")):
        texts[r["list_name"]].append(r["text"])

    by_scope: dict[tuple[str, int | None], list] = defaultdict(list)
    for r in fetch("indicators", ("scope", "project_id", "position")):
        by_scope[(r["scope"], r["project_id"])].append(rows.indicator_from(r))

    profile_rows = fetch("report_profiles", ())
    finance_rows = fetch("report_finances", ())

    return Report(
        unit=Unit(name=row["unit_name"], level=UnitLevel(row["level"]), superior=row["superior"], id=row["unit_id"]),
        fiscal_year=row["fiscal_year"],
        report_date=row["report_date"],
        outline=Outline(row["outline"]),
        status=ReportStatus(row["status"]),
        rule_set=RuleSet(row["rule_set"]),
        overlays=texts["overlays"],
        title=row["title"],
        profile=rows.profile_from(
            profile_rows[0] if profile_rows else None,
            texts["internal_bodies"],
            [rows.post_from(r) for r in fetch("leadership_posts", ("position",))],
        ),
        tasks=[rows.task_from(r) for r in fetch("work_tasks", ("position",))],
        activity_kinds=texts["activity_kinds"],
        activities=[rows.activity_from(r) for r in fetch("activities", ("position",))],
        department_target=rows.department_target_from(row, by_scope[(SCOPE_DEPARTMENT_TARGET, None)]),
        finance=rows.finance_from(
            finance_rows[0] if finance_rows else None,
            [rows.income_from(r) for r in fetch("income_lines", ("position",))],
            [rows.three_public_from(r) for r in fetch("three_public_lines", ("position",))],
        ),
        projects=[
            rows.project_from(r, by_scope[(SCOPE_PROJECT, r["id"])])
            for r in fetch("projects", ("position",))
        ],
        self_evaluation=rows.self_evaluation_from(row, by_scope[(SCOPE_SELF_EVALUATION, None)]),
        narratives=rows.narratives_from(fetch("narratives", ("name",))),
        problems=texts["problems"],
        measures=texts["measures"],
        id=row["id"],
        revision=row["revision"],
    )
