"""The seed reports as exchange files: they load, they are rebuilt byte for byte, and they hold every
figure and every sentence the printed reports show."""

from __future__ import annotations

import importlib.util
import json
from decimal import Decimal

import pytest

from desktop.domain.finance import budget_execution_rate, expenditure_shares, income_shares
from desktop.domain.money import plain_number
from desktop.exchange import loads, read_file

from .seed_text import (
    DATA,
    SOURCES,
    comparable,
    figures_of,
    printed_numbers,
    source_text,
    strings_of,
    without_heading_numbers,
)

SEED_FILES = sorted(SOURCES)


def _build_module():
    spec = importlib.util.spec_from_file_location("build_seeds", DATA / "build_seeds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build():
    return _build_module()


def _without_generator(text: str) -> str:
    # The generator line names the program version that wrote the file; everything else must match.
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith('  "generator"'))


@pytest.mark.parametrize("name", SEED_FILES)
def test_committed_fixture_is_what_the_builder_writes(build, name):
    committed = (DATA / name).read_text(encoding="utf-8")
    rebuilt = build.render(name)
    assert _without_generator(rebuilt) == _without_generator(committed)
    assert loads(rebuilt) == loads(committed) == build.SEEDS[name]()


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_sentence_is_the_clerks_own(name):
    """Each text of the fixture appears in the printed report (artefacts of the conversion undone)."""
    report = read_file(DATA / name)
    source = comparable(source_text(name))
    texts = strings_of(report)
    # Not printed sentences: the activity ledger (its titles and notes are the ledger's own), row keys,
    # the list of activity kinds, and the unit's registered names.
    keys = [row.key for row in report.tasks + report.projects]
    keys += [i.key for i in report.department_target.indicators + report.self_evaluation.indicators]
    names = [report.unit.name, report.unit.superior, report.profile.full_name]
    ledger = set(strings_of(report.activities)) | set(report.activity_kinds) | set(keys) | set(names)
    checked = 0
    for text in texts:
        if text in ledger or not text.strip():
            continue
        for paragraph in text.split("\n"):
            assert comparable(paragraph) in source, paragraph
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_printed_number_is_held(name):
    """What the report prints besides the clerk's sentences (its generated sentences and headings)
    names only numbers that the fixture holds as fields, or that the program derives from them the
    way it prints them (shares, execution rate, counts of rows, dates)."""
    report = read_file(DATA / name)
    generated = comparable(without_heading_numbers(source_text(name)))
    paragraphs = {p for text in strings_of(report) for p in text.split("\n") if p.strip()}
    for paragraph in sorted(paragraphs, key=len, reverse=True):
        generated = generated.replace(comparable(without_heading_numbers(paragraph)), "|")
    assert len(generated) < len(comparable(source_text(name))) / 4  # the sentences really were taken out

    held: set[str] = set()
    for value in figures_of(report):
        if isinstance(value, Decimal):
            held.add(plain_number(value))
            held.add(plain_number(value / 10000))  # money prints in 万元
        elif isinstance(value, int):
            held.add(str(value))
        else:  # a date prints as year, month, day
            held.update({str(value.year), str(value.month), str(value.day)})
    finance = report.finance
    derived = [*expenditure_shares(finance.expenditure), *income_shares(finance)]
    derived.append(budget_execution_rate(finance.budget) or Decimal(0))
    held.update(plain_number(d) for d in derived)
    held.update({str(len(report.profile.internal_bodies)), str(len(report.projects))})
    # The Sichuan outline's own threshold: projects of 50万元 and above need their own analysis.
    held.add("50")

    printed = printed_numbers(generated)
    assert len(printed) >= 5
    missing = [n for n in printed if n not in held]
    assert missing == []


def test_seed_000_figures():
    report = read_file(DATA / "seed_000_jinkouhe_2024.fulian.json")
    profile = report.profile
    assert (profile.establishment.administrative, profile.establishment.political_legal,
            profile.establishment.worker, profile.establishment.total, profile.actual_staff) == (4, 0, 0, 4, 3)
    assert [(p.title, p.count) for p in profile.leadership_posts] == [("主席", 1), ("副主席", 1)]
    assert profile.internal_bodies == ["妇联综合办公室"]
    assert [(line.source, line.amount) for line in report.finance.income_lines] == [
        ("一般公共预算财政拨款收入", Decimal("2197000.00")),
        ("其他收入", Decimal("0.00")),
    ]
    spent = report.finance.expenditure
    assert (spent.basic, spent.project, spent.total) == (Decimal("764600.00"), Decimal("1432400.00"), Decimal("2197000.00"))
    assert report.finance.carry_over_end == Decimal("0.00")
    assert [(p.name, p.initial.total) for p in report.projects] == [
        ("春蕾行动计划经费", Decimal("10000.00")),
        ("妇工委工作经费", Decimal("5000.00")),
        ("贫困母亲救助", Decimal("20000.00")),
        ("三八节活动经费", Decimal("20000.00")),
        ("乡镇妇联工作经费", Decimal("50000.00")),
    ]
    assert report.report_date.isoformat() == "2025-03-31"
    (indicator,) = report.department_target.indicators
    assert (indicator.name, indicator.kind.symbol, indicator.target, indicator.unit) == ("履职满意率", "≥", Decimal("90"), "%")
    assert "履职满意率≥90%" in report.department_target.text
    # Eleven task sections, in the printed order; their (一)…(十二) with gaps and repeats are not data.
    assert len(report.tasks) == 11
    assert report.tasks[3].title == "落实意识形态工作责任制"
    assert report.tasks[5].title == "关爱妇女健康，解难纾困为群众"
    assert all(not t.title.startswith(("（", "(")) and not t.title.endswith("。") for t in report.tasks)


def test_seed_004_figures():
    report = read_file(DATA / "seed_004_huangpu_2022.fulian.json")
    assert report.profile.founding_document == "穗埔办〔2017〕6号"
    assert report.profile.founding_document_title == "广州市黄埔区妇女联合会机关主要任务 内设机构和人员编制规定"
    assert report.finance.budget.adjusted == Decimal("5705400.00")
    assert report.finance.budget.executed == Decimal("5378100.00")
    assert report.self_evaluation.entered_total == Decimal("98")
    # Not printed, so not invented: no income lines, no indicator rows, no project list.
    assert report.finance.income_lines == [] and report.finance.income_total is None
    assert report.self_evaluation.indicators == [] and report.projects == []
    assert report.finance.budget.initial is None
    achievements = report.narratives.achievements
    assert len(achievements) == 6
    assert [len(b.blocks) for b in achievements] == [0, 0, 0, 0, 2, 0]
    assert achievements[4].text == "" and all(b.text for b in achievements[4].blocks)
    assert len(report.problems) == 3 and len(report.measures) == 3
    assert not any(item.startswith("（") for item in report.problems + report.measures)


def test_seed_004_tasks_are_the_printed_sentence():
    """The 年度总体工作 paragraph is exactly the key tasks joined by "；"."""
    report = read_file(DATA / "seed_004_huangpu_2022.fulian.json")
    sentence = "；".join(t.title for t in report.tasks) + "。"
    assert comparable("（二）年度总体工作和重点工作任务" + sentence) in comparable(
        source_text("seed_004_huangpu_2022.fulian.json")
    )
    assert len(report.tasks) == 9


@pytest.mark.parametrize("name", SEED_FILES)
def test_activities_are_dated_inside_the_year_and_say_so(name):
    report = read_file(DATA / name)
    assert report.activities
    for activity in report.activities:
        assert activity.date.year == report.fiscal_year
        assert "日期为示例" in activity.notes
        assert activity.kind in report.activity_kinds
        assert any(v is not None for v in (activity.sessions, activity.participants, activity.beneficiaries, activity.money))


def test_fixture_json_is_plain_exchange_text():
    for name in SEED_FILES:
        document = json.loads((DATA / name).read_text(encoding="utf-8"))
        assert document["format"] == "fulian-desk/exchange" and document["version"] == 1
        assert isinstance(document["report"]["finance"]["expenditure"]["basic"] or "", str)
