"""Ledger and profile rules: dates, counts, duplicates, staff vs establishment."""

import copy
from datetime import date
from decimal import Decimal as D

from desktop.domain.model import BeneficiaryUnit, new_key
from desktop.validation import Severity

from .builders import codes, fields, find


def test_activity_outside_the_fiscal_year(report):
    report.activities[0].date = date(2023, 12, 31)
    issue = find(report, "ACT-001")[0]
    assert issue.field == "report.activities[0].date" and "2023-12-31" in issue.message
    report.activities[0].date = date(2024, 12, 31)
    assert "ACT-001" not in codes(report)


def test_activity_without_date(report):
    report.activities[1].date = None
    assert fields(report, "ACT-002") == {"report.activities[1].date"}


def test_negative_counts(report):
    report.activities[0].participants = -1
    report.activities[1].sessions = -2
    assert fields(report, "ACT-003") == {"report.activities[0].participants", "report.activities[1].sessions"}


def test_negative_money(report):
    report.activities[2].money = D("-1.00")
    assert fields(report, "ACT-004") == {"report.activities[2].money"}


def test_likely_duplicate(report):
    twin = copy.deepcopy(report.activities[0])
    twin.key = new_key()
    twin.title = " 藤编培训班。"  # spacing and punctuation do not make it another activity
    report.activities.append(twin)
    issue = find(report, "ACT-005")[0]
    assert issue.field == "report.activities[3].title" and "第 1 条" in issue.message
    assert issue.severity is Severity.WARNING


def test_same_title_on_another_day_is_not_a_duplicate(report):
    twin = copy.deepcopy(report.activities[0])
    twin.key, twin.date = new_key(), date(2024, 3, 9)
    report.activities.append(twin)
    assert "ACT-005" not in codes(report)


def test_activity_without_title(report):
    report.activities[0].title = ""
    assert fields(report, "ACT-007") == {"report.activities[0].title"}


def test_activity_kind_not_in_the_list(report):
    report.activities[0].kind = "跳舞"
    issue = find(report, "ACT-008")[0]
    assert issue.field == "report.activities[0].kind" and issue.severity is Severity.INFO


def test_unit_without_name(report):
    report.unit.name = " "
    assert fields(report, "UNT-001") == {"report.unit.name"}


def test_staff_above_establishment(report):
    report.profile.actual_staff = 5
    issue = find(report, "STF-001")[0]
    assert issue.field == "report.profile.actual_staff" and "4" in issue.message and "125%" in issue.message
    report.profile.actual_staff = 4
    assert "STF-001" not in codes(report)


def test_negative_establishment(report):
    report.profile.establishment.worker = -1
    assert fields(report, "STF-002") == {"report.profile.establishment.worker"}


def test_staff_required_by_sichuan_only(report, gd_report):
    report.profile.actual_staff = None
    gd_report.profile.actual_staff = None
    assert fields(report, "STF-003") == {"report.profile.actual_staff"}
    assert "STF-003" not in codes(gd_report)
    report.profile.establishment.administrative = 0
    assert fields(report, "STF-003") == {"report.profile.actual_staff", "report.profile.establishment"}


def test_beneficiaries_without_a_unit(report):
    report.activities[0].beneficiaries, report.activities[0].beneficiary_unit = 40, BeneficiaryUnit.VISIT
    report.activities[1].beneficiaries, report.activities[1].beneficiary_unit = 12, None
    report.activities[2].beneficiaries, report.activities[2].beneficiary_unit = None, None  # nothing to count
    issue = find(report, "ACT-009")[0]
    assert issue.field == "report.activities[1].beneficiary_unit" and "12" in issue.message
    assert issue.severity is Severity.WARNING and fields(report, "ACT-009") == {"report.activities[1].beneficiary_unit"}
    report.activities[1].beneficiary_unit = BeneficiaryUnit.HOUSEHOLD
    assert "ACT-009" not in codes(report)
