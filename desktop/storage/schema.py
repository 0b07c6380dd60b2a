"""The database tables: one normalized table per part of a report, money as integer 分, names for every constraint.

Conventions that hold for every table:
- Columns ending in `_fen` hold money as INTEGER 分 (desktop.domain.money.yuan_to_fen); no float ever.
- Other Decimals (weights, scores, targets, actual values) are TEXT holding `str(Decimal)`, so "12.5" comes
  back as exactly Decimal("12.5") and SQLite's REAL affinity never rounds them.
- Enums are TEXT holding the enum's value; ordered lists carry a `position` column.
- Every child of a report references reports.id ON DELETE CASCADE, so deleting a report (or its unit)
  removes everything behind it.

The schema is created by the Alembic scripts in db/versions; a test checks that the migrated database and
this MetaData do not drift apart.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from .report_loading import SCOPE_DEPARTMENT_TARGET, SCOPE_PROJECT, SCOPE_SELF_EVALUATION

# Named constraints are what let Alembic's batch mode (SQLite's copy-and-rename ALTER) find and change
# them later; unnamed ones cannot be dropped by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Lists of plain strings kept in report_texts, by list_name.
TEXT_LISTS = ("internal_bodies", "activity_kinds", "problems", "measures", "overlays")

# Where an indicator belongs (the names live with the report loader, which reads them without SQLAlchemy).
INDICATOR_SCOPES = (SCOPE_DEPARTMENT_TARGET, SCOPE_SELF_EVALUATION, SCOPE_PROJECT)


def _report_fk() -> Column:
    return Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), nullable=False)


def _text(name: str) -> Column:
    """A clerk-written text; empty rather than NULL, as in the domain."""
    return Column(name, Text, nullable=False)


# SQLite's INTEGER is 64-bit; PostgreSQL's INTEGER is 32-bit (at most 21 474 836.47 元), too small for a
# city federation's totals, so money is BIGINT there.
FEN = Integer().with_variant(BigInteger(), "postgresql")


def _fen(name: str) -> Column:
    """Money in 分; NULL when the clerk has not entered it."""
    return Column(name, FEN, nullable=True)


def _decimal(name: str, nullable: bool = True) -> Column:
    return Column(name, Text, nullable=nullable)


units = Table(
    "units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("level", Text, nullable=False),
    Column("superior", Text, nullable=False),
    # A township the district no longer counts (merged, abolished); its reports stay.
    Column("retired", Boolean, nullable=False, server_default="0"),
    UniqueConstraint("name"),
)

# The last data file collected from a township for a year (区县汇总): what came, when, and how it checked.
submissions = Table(
    "submissions",
    metadata,
    Column("unit_id", Integer, ForeignKey("units.id", ondelete="CASCADE"), nullable=False),
    Column("fiscal_year", Integer, nullable=False),
    _text("file_name"),
    Column("file_date", Text, nullable=True),  # the envelope's exported_at, ISO 8601
    _text("collected_at"),  # ISO 8601, when the district took the file
    _text("integrity"),  # desktop.exchange.Integrity name: VERIFIED / UNVERIFIED
    _text("refusal"),  # why the latest file was refused; empty when it was imported
    Column("error_count", Integer, nullable=False),
    Column("warning_count", Integer, nullable=False),
    _text("rule_codes"),  # codes of the error rules that fired, space-separated
    PrimaryKeyConstraint("unit_id", "fiscal_year"),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("unit_id", Integer, ForeignKey("units.id", ondelete="CASCADE"), nullable=False),
    Column("fiscal_year", Integer, nullable=False),
    Column("report_date", Date, nullable=True),
    Column("outline", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("rule_set", Text, nullable=False),
    _text("title"),
    _text("target_text"),  # DepartmentTarget.text
    _decimal("execution_weight", nullable=False),  # SelfEvaluation.execution_weight
    _decimal("entered_total"),  # SelfEvaluation.entered_total
    # Raised by every write to the report or its children: a writer names the revision it loaded, and a
    # write against any other revision is refused (optimistic concurrency; see storage/reports.py).
    Column("revision", Integer, nullable=False, server_default=text("1")),
    # Who wrote the report last ("login@PC") and when (local time, ISO text): told to a refused writer.
    Column("changed_by", Text, nullable=False, server_default=text("''")),
    Column("changed_at", Text, nullable=True),
    UniqueConstraint("unit_id", "fiscal_year"),  # also serves lookups by unit_id
)

# UnitProfile's scalars, one row per report.
report_profiles = Table(
    "report_profiles",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    _text("full_name"),
    _text("short_name"),
    _text("founding_document_title"),
    _text("founding_document"),
    _text("nature"),
    _text("functions"),
    Column("establishment_administrative", Integer, nullable=False),
    Column("establishment_institutional", Integer, nullable=False),
    Column("establishment_political_legal", Integer, nullable=False),
    Column("establishment_worker", Integer, nullable=False),
    Column("actual_staff", Integer, nullable=True),
)

# Finance's scalars (Expenditure, Budget, carry-over), one row per report.
report_finances = Table(
    "report_finances",
    metadata,
    Column("report_id", Integer, ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
    _fen("income_total_fen"),
    _fen("personnel_fen"),
    _fen("public_fen"),
    _fen("basic_fen"),
    _fen("project_fen"),
    _fen("expenditure_total_fen"),
    _fen("carry_over_start_fen"),
    _fen("carry_over_end_fen"),
    _fen("budget_initial_fen"),
    _fen("budget_adjusted_fen"),
    _fen("budget_executed_fen"),
    _text("adjustment_reason"),
    _text("low_execution_reason"),
    _fen("previous_income_total_fen"),
    _fen("previous_expenditure_total_fen"),
    Column("share_places", Integer, nullable=True),
)

# Every ordered list of plain strings of a report, told apart by list_name (see TEXT_LISTS).
report_texts = Table(
    "report_texts",
    metadata,
    _report_fk(),
    Column("list_name", Text, nullable=False),
    Column("position", Integer, nullable=False),
    _text("text"),
    PrimaryKeyConstraint("report_id", "list_name", "position"),
)

leadership_posts = Table(
    "leadership_posts",
    metadata,
    _report_fk(),
    Column("position", Integer, nullable=False),
    _text("title"),
    Column("count", Integer, nullable=False),
    PrimaryKeyConstraint("report_id", "position"),
)

work_tasks = Table(
    "work_tasks",
    metadata,
    Column("id", Integer, primary_key=True),
    _report_fk(),
    Column("position", Integer, nullable=False),
    Column("key", Text, nullable=False),
    _text("title"),
    _text("narrative"),
    UniqueConstraint("report_id", "key"),
)

# task_key / project_key are deliberately not foreign keys: a link to a task the clerk has just deleted
# is a validation finding to show, not a reason to refuse saving the ledger line being typed.
activities = Table(
    "activities",
    metadata,
    Column("id", Integer, primary_key=True),
    _report_fk(),
    Column("position", Integer, nullable=False),
    Column("key", Text, nullable=False),
    _text("title"),
    Column("date", Date, nullable=True),
    _text("kind"),
    Column("sessions", Integer, nullable=True),
    Column("participants", Integer, nullable=True),
    Column("beneficiaries", Integer, nullable=True),
    Column("beneficiary_unit", Text, nullable=True),  # 人/人次/户/个; NULL: 未注明单位 (lines from before 0005)
    _fen("money_fen"),
    Column("task_key", Text, nullable=True),
    Column("project_key", Text, nullable=True),
    _text("notes"),
    UniqueConstraint("report_id", "key"),  # the key the every-keystroke upsert goes by
)
# Every ledger query is within one report, so each index leads with report_id: the ledger in order,
# by date (date filters and sorting), and per task / per project (the figures summed for the report).
Index(None, activities.c.report_id, activities.c.position)
Index(None, activities.c.report_id, activities.c.date)
Index(None, activities.c.report_id, activities.c.task_key)
Index(None, activities.c.report_id, activities.c.project_key)

income_lines = Table(
    "income_lines",
    metadata,
    _report_fk(),
    Column("position", Integer, nullable=False),
    _text("source"),
    _fen("amount_fen"),
    PrimaryKeyConstraint("report_id", "position"),
)

three_public_lines = Table(
    "three_public_lines",
    metadata,
    _report_fk(),
    Column("position", Integer, nullable=False),
    _text("item"),
    _fen("budget_fen"),
    _fen("actual_fen"),
    PrimaryKeyConstraint("report_id", "position"),
)

_FUND_COLUMNS = ("initial", "adjusted", "executed")  # Project's three FundColumns
_FUND_PARTS = ("total", "current_year", "carried_over", "other")

projects = Table(
    "projects",
    metadata,
    Column("id", Integer, primary_key=True),
    _report_fk(),
    Column("position", Integer, nullable=False),
    Column("key", Text, nullable=False),
    _text("name"),
    _text("department"),
    *[_fen(f"{column}_{part}_fen") for column in _FUND_COLUMNS for part in _FUND_PARTS],
    _text("expected_goal"),
    _text("actual_goal"),
    _decimal("execution_weight", nullable=False),
    _decimal("self_score"),
    _text("analysis"),
    UniqueConstraint("report_id", "key"),
)

indicators = Table(
    "indicators",
    metadata,
    Column("id", Integer, primary_key=True),
    _report_fk(),
    Column("scope", Text, nullable=False),
    Column("project_id", Integer, ForeignKey("projects.id", ondelete="CASCADE"), nullable=True),
    Column("position", Integer, nullable=False),
    Column("key", Text, nullable=False),
    _text("name"),
    _text("level1"),
    _text("level2"),
    Column("kind", Text, nullable=False),
    _decimal("target"),
    _text("target_text"),
    _text("unit"),
    _decimal("actual"),
    _text("actual_text"),
    Column("attainment", Text, nullable=True),
    _decimal("weight"),
    _decimal("score"),
    _text("deviation_reason"),
    Column("applicable", Boolean, nullable=False),
    CheckConstraint(f"scope IN {INDICATOR_SCOPES!r}", name="scope"),
    # A project's indicators, and only they, name their project.
    CheckConstraint(f"(scope = '{SCOPE_PROJECT}') = (project_id IS NOT NULL)", name="project_scope"),
)
Index(None, indicators.c.report_id, indicators.c.scope, indicators.c.position)
Index(None, indicators.c.project_id)  # ON DELETE CASCADE from projects looks indicators up by it

# The clerk-written sections as name → value, so a new Narratives field needs no migration. A field that
# is a list of NarrativeBlock (主要工作成效) is stored as JSON in `value`: the tree is only ever read and
# written whole with its report, nothing links into it, and JSON keeps its order and nesting exactly;
# a self-referencing table would add recursive inserts and reassembly without any query needing it.
narratives = Table(
    "narratives",
    metadata,
    _report_fk(),
    Column("name", Text, nullable=False),
    _text("value"),
    PrimaryKeyConstraint("report_id", "name"),
)

# The tables holding a report's rows, children before parents (indicators name projects).
REPORT_CHILD_TABLES = (
    indicators,
    projects,
    activities,
    work_tasks,
    report_texts,
    leadership_posts,
    income_lines,
    three_public_lines,
    narratives,
    report_profiles,
    report_finances,
)
