"""Totals of the activity ledger reproduce the figures the task narratives print."""

import re
from decimal import Decimal

from desktop.domain.ledger import UNSTATED_UNIT, LedgerTotals, totals, totals_by
from desktop.domain.model import Activity, BeneficiaryUnit
from desktop.domain.money import format_wan

D = Decimal


def _task(report, title):
    return next(t for t in report.tasks if t.title == title)


def _of(report, task, kind=None):
    return [a for a in report.activities if a.task_key == task.key and (kind is None or a.kind == kind)]


def test_employment_task_trainings(seed_000):
    """"藤编培训班 4 期，直播班 2 期、彝绣 2 期。共计 180 人次"."""
    task = _task(seed_000, "多措并举，促进女性就业创业")
    trainings = totals(_of(seed_000, task, "培训"))
    assert (trainings.sessions, trainings.participants) == (8, 180)
    by_kind = totals_by(_of(seed_000, task), "kind")
    assert by_kind["学习"].participants == 10  # 选送 10 人次
    assert (by_kind["志愿服务"].sessions, by_kind["志愿服务"].beneficiaries) == (70, {"人次": 600})  # 帮扶活动 70 场，600 余人次
    assert (by_kind["其他"].participants, by_kind["其他"].beneficiaries) == (168, {"人": 166})  # 爱心妈妈 168，结对儿童 166


def test_health_task_relief(seed_000):
    task = _task(seed_000, "关爱妇女健康，解难纾困为群众")
    rows = {a.title: a for a in _of(seed_000, task)}
    mothers = rows["贫困母亲救助"]
    assert (mothers.beneficiaries, format_wan(mothers.money)) == (15, "1.5万元")
    assert totals(_of(seed_000, task, "筛查")).participants == 930
    relief = totals(_of(seed_000, task, "救助"))
    assert relief.beneficiaries == {"人": 1 + 15 + 8 + 54}
    assert relief.money == D("10000.00") + D("15000.00") + D("40000.00") + D("59000.00")
    assert totals(_of(seed_000, task, "慰问")).money == D("14400.00")


def test_study_task_sessions(seed_000):
    task = _task(seed_000, "学习教育，常抓不懈")
    assert totals(_of(seed_000, task, "学习")).sessions == 6 + 3
    assert totals(_of(seed_000, task, "宣讲")).sessions == 2 + 2 + 4


def test_totals_by_project(seed_000):
    by_project = totals_by(seed_000.activities, "project_key")
    mothers = next(p for p in seed_000.projects if p.name == "贫困母亲救助")
    assert (by_project[mothers.key].beneficiaries, by_project[mothers.key].money) == ({"人": 15}, D("15000.00"))
    spring_bud = next(p for p in seed_000.projects if p.name == "春蕾行动计划经费")
    assert (by_project[spring_bud.key].beneficiaries, format_wan(by_project[spring_bud.key].money)) == ({"人": 54}, "5.9万元")
    assert by_project[None].activities == len(seed_000.activities) - 2


def test_every_task_total_is_split_exactly(seed_000):
    by_task = totals_by(seed_000.activities, "task_key")
    whole = totals(seed_000.activities)
    assert sum(t.activities for t in by_task.values()) == whole.activities == 31
    assert sum((t.money for t in by_task.values()), D(0)) == whole.money
    assert sum(t.sessions for t in by_task.values()) == whole.sessions


def test_seed_000_activity_figures_are_the_narratives(seed_000):
    """Each count on a ledger row is printed in its task's narrative ("6场", "930人次", "1.5万元")."""
    for activity in seed_000.activities:
        narrative = seed_000.task(activity.task_key).narrative
        numbers = set(re.findall(r"\d+(?:\.\d+)?", narrative))
        for value in (activity.sessions, activity.participants, activity.beneficiaries):
            if value is not None and value != 1:  # "1" is a single named meeting, not always written
                assert str(value) in numbers, (activity.title, value)
        if activity.money is not None and activity.title != "大病妇女儿童救助":  # 8 户 × 5000 元
            printed = {format_wan(activity.money, ""), format(activity.money.normalize(), "f")}
            assert printed & numbers, (activity.title, activity.money)


def test_seed_004_ledger_by_task(seed_004):
    by_task = totals_by(seed_004.activities, "task_key")
    station = next(t for t in seed_004.tasks if "舒心驿站" in t.title)
    assert (by_task[station.key].sessions, by_task[station.key].beneficiaries) == (82 + 15, {"人次": 2000})
    care = next(t for t in seed_004.tasks if t.title.startswith("关心关爱困境母亲"))
    assert by_task[care.key].beneficiaries == {"人": 61, "户": 2 + 3 + 70}
    family = next(t for t in seed_004.tasks if t.title == "加大家庭家风家教宣传力度")
    assert by_task[family.key].sessions == 21
    unlinked = by_task[None]  # employment and epidemic work lie outside the nine key tasks
    assert unlinked.participants == 200 + 8000 + 5
    assert unlinked.money == D("200000.00")


def test_empty_ledger_and_missing_figures():
    assert totals([]) == LedgerTotals()
    row = Activity(title="座谈会")
    assert totals([row]) == LedgerTotals(activities=1)
    assert totals_by([], "kind") == {}


def test_unlike_units_are_kept_apart():
    """5 个 集体 and 50 人 are two figures, not 55; a line without a unit is counted as 未注明单位."""
    rows = [Activity(title="红旗集体", beneficiaries=5, beneficiary_unit=BeneficiaryUnit.ITEM),
            Activity(title="红旗手", beneficiaries=50, beneficiary_unit=BeneficiaryUnit.PERSON),
            Activity(title="旧数据", beneficiaries=7), Activity(title="无受益", beneficiary_unit=BeneficiaryUnit.HOUSEHOLD)]
    result = totals(rows)
    assert result.beneficiaries == {"个": 5, "人": 50, UNSTATED_UNIT: 7}
    assert result.beneficiaries_text() == "50人、5个、7（未注明单位）"
