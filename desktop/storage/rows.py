"""Conversion between domain dataclasses and table rows (dicts): 分 for money, exact text for Decimals."""

from __future__ import annotations

import json
import typing
from dataclasses import fields
from decimal import Decimal
from typing import Any, Mapping

from ..domain.model import (
    Activity,
    BeneficiaryUnit,
    Budget,
    DepartmentTarget,
    Establishment,
    Expenditure,
    Finance,
    FundColumn,
    IncomeLine,
    Indicator,
    LeadershipPost,
    NarrativeBlock,
    Narratives,
    Outline,
    Project,
    ReportStatus,
    RuleSet,
    SelfEvaluation,
    ThreePublicLine,
    Unit,
    UnitLevel,
    UnitProfile,
    WorkTask,
)
from ..domain.money import fen_to_yuan, to_yuan, yuan_to_fen
from ..domain.scoring import Attainment, IndicatorKind

Row = Mapping[str, Any]


# ------------------------------------------------------------------ values


def fen(amount: Decimal | None) -> int | None:
    """元 → integer 分. An amount finer than the 分 is refused rather than silently rounded."""
    if amount is None:
        return None
    if to_yuan(amount) != amount:
        raise ValueError(f"金额 {amount} 超出了“分”的精度，不能存入数据库")
    return yuan_to_fen(amount)


def yuan(value: int | None) -> Decimal | None:
    return None if value is None else fen_to_yuan(value)


def decimal_text(value: Decimal | None) -> str | None:
    """A Decimal as exact text: str() keeps every digit (and the exponent) so it reads back equal."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        raise TypeError(f"应为 Decimal，实为 {type(value).__name__}：{value!r}")
    return str(value)


def text_decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


# ------------------------------------------------------------------ units


def unit_row(unit: Unit) -> dict[str, Any]:
    return {"name": unit.name, "level": UnitLevel(unit.level).value, "superior": unit.superior}


def unit_from(row: Row) -> Unit:
    return Unit(name=row["name"], level=UnitLevel(row["level"]), superior=row["superior"], id=row["id"])


# ------------------------------------------------------------------ report scalars


def report_row(report, unit_id: int) -> dict[str, Any]:
    return {
        "unit_id": unit_id,
        "fiscal_year": report.fiscal_year,
        "report_date": report.report_date,
        "outline": Outline(report.outline).value,
        "status": ReportStatus(report.status).value,
        "rule_set": RuleSet(report.rule_set).value,
        "title": report.title,
        "target_text": report.department_target.text,
        "execution_weight": decimal_text(report.self_evaluation.execution_weight),
        "entered_total": decimal_text(report.self_evaluation.entered_total),
    }


def profile_row(report_id: int, profile: UnitProfile) -> dict[str, Any]:
    e = profile.establishment
    return {
        "report_id": report_id,
        "full_name": profile.full_name,
        "short_name": profile.short_name,
        "founding_document_title": profile.founding_document_title,
        "founding_document": profile.founding_document,
        "nature": profile.nature,
        "functions": profile.functions,
        "establishment_administrative": e.administrative,
        "establishment_institutional": e.institutional,
        "establishment_political_legal": e.political_legal,
        "establishment_worker": e.worker,
        "actual_staff": profile.actual_staff,
    }


def profile_from(row: Row | None, internal_bodies: list[str], posts: list[LeadershipPost]) -> UnitProfile:
    if row is None:  # cannot happen for a report saved whole; keep the defaults rather than fail
        return UnitProfile(internal_bodies=internal_bodies, leadership_posts=posts)
    return UnitProfile(
        full_name=row["full_name"],
        short_name=row["short_name"],
        founding_document_title=row["founding_document_title"],
        founding_document=row["founding_document"],
        nature=row["nature"],
        internal_bodies=internal_bodies,
        leadership_posts=posts,
        functions=row["functions"],
        establishment=Establishment(
            administrative=row["establishment_administrative"],
            institutional=row["establishment_institutional"],
            political_legal=row["establishment_political_legal"],
            worker=row["establishment_worker"],
        ),
        actual_staff=row["actual_staff"],
    )


def finance_row(report_id: int, finance: Finance) -> dict[str, Any]:
    x, b = finance.expenditure, finance.budget
    return {
        "report_id": report_id,
        "income_total_fen": fen(finance.income_total),
        "personnel_fen": fen(x.personnel),
        "public_fen": fen(x.public),
        "basic_fen": fen(x.basic),
        "project_fen": fen(x.project),
        "expenditure_total_fen": fen(x.total),
        "carry_over_start_fen": fen(finance.carry_over_start),
        "carry_over_end_fen": fen(finance.carry_over_end),
        "budget_initial_fen": fen(b.initial),
        "budget_adjusted_fen": fen(b.adjusted),
        "budget_executed_fen": fen(b.executed),
        "adjustment_reason": b.adjustment_reason,
        "low_execution_reason": b.low_execution_reason,
        "previous_income_total_fen": fen(finance.previous_income_total),
        "previous_expenditure_total_fen": fen(finance.previous_expenditure_total),
        "share_places": finance.share_places,
    }


def finance_from(row: Row | None, income: list[IncomeLine], three_public: list[ThreePublicLine]) -> Finance:
    if row is None:
        return Finance(income_lines=income, three_public=three_public)
    return Finance(
        income_lines=income,
        income_total=yuan(row["income_total_fen"]),
        expenditure=Expenditure(
            personnel=yuan(row["personnel_fen"]),
            public=yuan(row["public_fen"]),
            basic=yuan(row["basic_fen"]),
            project=yuan(row["project_fen"]),
            total=yuan(row["expenditure_total_fen"]),
        ),
        carry_over_start=yuan(row["carry_over_start_fen"]),
        carry_over_end=yuan(row["carry_over_end_fen"]),
        budget=Budget(
            initial=yuan(row["budget_initial_fen"]),
            adjusted=yuan(row["budget_adjusted_fen"]),
            executed=yuan(row["budget_executed_fen"]),
            adjustment_reason=row["adjustment_reason"],
            low_execution_reason=row["low_execution_reason"],
        ),
        three_public=three_public,
        previous_income_total=yuan(row["previous_income_total_fen"]),
        previous_expenditure_total=yuan(row["previous_expenditure_total_fen"]),
        share_places=row["share_places"],
    )


def department_target_from(row: Row, indicators: list[Indicator]) -> DepartmentTarget:
    return DepartmentTarget(text=row["target_text"], indicators=indicators)


def self_evaluation_from(row: Row, indicators: list[Indicator]) -> SelfEvaluation:
    return SelfEvaluation(
        execution_weight=text_decimal(row["execution_weight"]),
        indicators=indicators,
        entered_total=text_decimal(row["entered_total"]),
    )


# ------------------------------------------------------------------ list rows


def texts_rows(report_id: int, list_name: str, texts: list[str]) -> list[dict[str, Any]]:
    return [{"report_id": report_id, "list_name": list_name, "position": i, "text": t} for i, t in enumerate(texts)]


def post_rows(report_id: int, posts: list[LeadershipPost]) -> list[dict[str, Any]]:
    return [
        {"report_id": report_id, "position": i, "title": p.title, "count": p.count} for i, p in enumerate(posts)
    ]


def post_from(row: Row) -> LeadershipPost:
    return LeadershipPost(title=row["title"], count=row["count"])


def task_rows(report_id: int, tasks: list[WorkTask]) -> list[dict[str, Any]]:
    return [
        {"report_id": report_id, "position": i, "key": t.key, "title": t.title, "narrative": t.narrative}
        for i, t in enumerate(tasks)
    ]


def task_from(row: Row) -> WorkTask:
    return WorkTask(title=row["title"], narrative=row["narrative"], key=row["key"])


def activity_values(activity: Activity) -> dict[str, Any]:
    """The columns of an activity that its key identifies (everything but report_id and position)."""
    return {
        "key": activity.key,
        "title": activity.title,
        "date": activity.date,
        "kind": activity.kind,
        "sessions": activity.sessions,
        "participants": activity.participants,
        "beneficiaries": activity.beneficiaries,
        "beneficiary_unit": BeneficiaryUnit(activity.beneficiary_unit).value if activity.beneficiary_unit else None,
        "money_fen": fen(activity.money),
        "task_key": activity.task_key,
        "project_key": activity.project_key,
        "notes": activity.notes,
    }


def activity_rows(report_id: int, activities: list[Activity]) -> list[dict[str, Any]]:
    return [{"report_id": report_id, "position": i, **activity_values(a)} for i, a in enumerate(activities)]


def activity_from(row: Row) -> Activity:
    return Activity(
        title=row["title"],
        date=row["date"],
        kind=row["kind"],
        sessions=row["sessions"],
        participants=row["participants"],
        beneficiaries=row["beneficiaries"],
        beneficiary_unit=BeneficiaryUnit(row["beneficiary_unit"]) if row["beneficiary_unit"] else None,
        money=yuan(row["money_fen"]),
        task_key=row["task_key"],
        project_key=row["project_key"],
        notes=row["notes"],
        key=row["key"],
    )


def income_rows(report_id: int, lines: list[IncomeLine]) -> list[dict[str, Any]]:
    return [
        {"report_id": report_id, "position": i, "source": line.source, "amount_fen": fen(line.amount)}
        for i, line in enumerate(lines)
    ]


def income_from(row: Row) -> IncomeLine:
    return IncomeLine(source=row["source"], amount=yuan(row["amount_fen"]))


def three_public_rows(report_id: int, lines: list[ThreePublicLine]) -> list[dict[str, Any]]:
    return [
        {
            "report_id": report_id,
            "position": i,
            "item": line.item,
            "budget_fen": fen(line.budget),
            "actual_fen": fen(line.actual),
        }
        for i, line in enumerate(lines)
    ]


def three_public_from(row: Row) -> ThreePublicLine:
    return ThreePublicLine(item=row["item"], budget=yuan(row["budget_fen"]), actual=yuan(row["actual_fen"]))


_FUND_NAMES = ("initial", "adjusted", "executed")


def project_row(report_id: int, position: int, project: Project) -> dict[str, Any]:
    row: dict[str, Any] = {
        "report_id": report_id,
        "position": position,
        "key": project.key,
        "name": project.name,
        "department": project.department,
        "expected_goal": project.expected_goal,
        "actual_goal": project.actual_goal,
        "execution_weight": decimal_text(project.execution_weight),
        "self_score": decimal_text(project.self_score),
        "analysis": project.analysis,
    }
    for name in _FUND_NAMES:
        column: FundColumn = getattr(project, name)
        row[f"{name}_total_fen"] = fen(column.total)
        row[f"{name}_current_year_fen"] = fen(column.current_year)
        row[f"{name}_carried_over_fen"] = fen(column.carried_over)
        row[f"{name}_other_fen"] = fen(column.other)
    return row


def project_from(row: Row, indicators: list[Indicator]) -> Project:
    funds = {
        name: FundColumn(
            total=yuan(row[f"{name}_total_fen"]),
            current_year=yuan(row[f"{name}_current_year_fen"]),
            carried_over=yuan(row[f"{name}_carried_over_fen"]),
            other=yuan(row[f"{name}_other_fen"]),
        )
        for name in _FUND_NAMES
    }
    return Project(
        name=row["name"],
        department=row["department"],
        **funds,
        expected_goal=row["expected_goal"],
        actual_goal=row["actual_goal"],
        execution_weight=text_decimal(row["execution_weight"]),
        indicators=indicators,
        self_score=text_decimal(row["self_score"]),
        analysis=row["analysis"],
        key=row["key"],
    )


def indicator_rows(
    report_id: int, scope: str, indicators: list[Indicator], project_id: int | None = None
) -> list[dict[str, Any]]:
    return [
        {
            "report_id": report_id,
            "scope": scope,
            "project_id": project_id,
            "position": i,
            "key": ind.key,
            "name": ind.name,
            "level1": ind.level1,
            "level2": ind.level2,
            "kind": IndicatorKind(ind.kind).value,
            "target": decimal_text(ind.target),
            "target_text": ind.target_text,
            "unit": ind.unit,
            "actual": decimal_text(ind.actual),
            "actual_text": ind.actual_text,
            "attainment": None if ind.attainment is None else Attainment(ind.attainment).value,
            "weight": decimal_text(ind.weight),
            "score": decimal_text(ind.score),
            "deviation_reason": ind.deviation_reason,
            "applicable": bool(ind.applicable),
        }
        for i, ind in enumerate(indicators)
    ]


def indicator_from(row: Row) -> Indicator:
    return Indicator(
        name=row["name"],
        level1=row["level1"],
        level2=row["level2"],
        kind=IndicatorKind(row["kind"]),
        target=text_decimal(row["target"]),
        target_text=row["target_text"],
        unit=row["unit"],
        actual=text_decimal(row["actual"]),
        actual_text=row["actual_text"],
        attainment=None if row["attainment"] is None else Attainment(row["attainment"]),
        weight=text_decimal(row["weight"]),
        score=text_decimal(row["score"]),
        deviation_reason=row["deviation_reason"],
        applicable=bool(row["applicable"]),
        key=row["key"],
    )


# ------------------------------------------------------------------ narratives


def _narrative_kinds() -> dict[str, str]:
    """Each Narratives field → "text" or "blocks", read from its type so a new field needs no code here."""
    kinds = {}
    for name, hint in typing.get_type_hints(Narratives).items():
        if hint is str:
            kinds[name] = "text"
        elif hint == list[NarrativeBlock]:
            kinds[name] = "blocks"
        else:  # a new kind of narrative field needs a storage form decided here
            raise TypeError(f"Narratives.{name}: 不支持的类型 {hint!r}")
    return kinds


NARRATIVE_KINDS = _narrative_kinds()


def _block_json(block: NarrativeBlock) -> dict[str, Any]:
    return {"title": block.title, "text": block.text, "blocks": [_block_json(b) for b in block.blocks]}


def _block_from(data: dict[str, Any]) -> NarrativeBlock:
    return NarrativeBlock(
        title=data["title"], text=data["text"], blocks=[_block_from(b) for b in data["blocks"]]
    )


def narrative_rows(report_id: int, narratives: Narratives) -> list[dict[str, Any]]:
    """Only the sections the clerk has written: an absent row reads back as the field's default."""
    rows = []
    for f in fields(Narratives):
        value = getattr(narratives, f.name)
        if not value:
            continue
        if NARRATIVE_KINDS[f.name] == "blocks":
            value = json.dumps([_block_json(b) for b in value], ensure_ascii=False)
        rows.append({"report_id": report_id, "name": f.name, "value": value})
    return rows


def narratives_from(rows: list[Row]) -> Narratives:
    values: dict[str, Any] = {}
    for row in rows:
        kind = NARRATIVE_KINDS.get(row["name"])
        if kind == "text":
            values[row["name"]] = row["value"]
        elif kind == "blocks":
            values[row["name"]] = [_block_from(b) for b in json.loads(row["value"])]
        # a name no field has any more is left in the table and ignored
    return Narratives(**values)
