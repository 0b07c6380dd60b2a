"""Budget import: 收入支出 / 项目预算 / 三公经费 sheets into a report, in 元 or 万元, all or nothing."""

import copy
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from desktop.domain.model import Project, Report, Unit
from desktop.excel.budget_import import apply, preview_budget
from desktop.excel.preview import ImportRefused
from desktop.excel.templates import write_budget_template

from .helpers import SEED_000, SEED_004, seed, small_report


def _budget_book(path, finance_rows, project_rows=(), three_rows=(), finance_header=("项目", "金额（元）")):
    wb = Workbook()
    ws = wb.active
    ws.title = "收入支出"
    ws.append(list(finance_header))
    for row in finance_rows:
        ws.append(list(row))
    if project_rows:
        ps = wb.create_sheet("项目预算")
        for row in project_rows:
            ps.append(list(row))
    if three_rows:
        ts = wb.create_sheet("三公经费")
        for row in three_rows:
            ts.append(list(row))
    wb.save(path)
    return path


def test_filled_template_imports_into_an_empty_report(tmp_path):
    path = write_budget_template(tmp_path / "预算.xlsx")
    wb = load_workbook(path)
    finance = wb["收入支出"]
    values = {"一般公共预算财政拨款收入": 2197000, "其他收入": 0, "基本支出": 764600, "项目支出": 1432400,
              "本年支出合计": 2197000, "年末结转结余": 0}
    for row in finance.iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    projects = wb["项目预算"]
    projects.append(["春蕾行动计划经费", None, 10000, 10000, 10000])
    projects.append(["妇工委工作经费", "区妇工委", 5000, 5000, 4800])
    three = wb["三公经费"]
    three["B4"] = 3000
    three["C4"] = 2500.5
    wb.save(path)

    report = Report(unit=Unit("测试区妇联"), fiscal_year=2024)
    preview = preview_budget(path, report)
    assert preview.ok, preview.lines()
    assert [p.name for p in preview.new_projects] == ["春蕾行动计划经费", "妇工委工作经费"]
    result = apply(preview, report)
    f = result.finance
    assert [(line.source, line.amount) for line in f.income_lines] == [
        ("一般公共预算财政拨款收入", Decimal("2197000.00")), ("其他收入", Decimal("0.00"))]
    assert (f.expenditure.basic, f.expenditure.project, f.expenditure.total) == (
        Decimal("764600.00"), Decimal("1432400.00"), Decimal("2197000.00"))
    assert f.carry_over_end == Decimal("0.00")
    assert f.expenditure.personnel is None  # left empty in the file: not set
    assert [(p.name, p.department, p.initial.total, p.adjusted.total, p.executed.total) for p in result.projects] == [
        ("春蕾行动计划经费", "", Decimal("10000.00"), Decimal("10000.00"), Decimal("10000.00")),
        ("妇工委工作经费", "区妇工委", Decimal("5000.00"), Decimal("5000.00"), Decimal("4800.00"))]
    assert [(t.item, t.budget, t.actual) for t in f.three_public] == [("公务接待费", Decimal("3000.00"), Decimal("2500.50"))]
    assert report.finance.income_lines == []  # the given report is untouched


@pytest.mark.parametrize("path", [SEED_000, SEED_004], ids=["seed000", "seed004"])
def test_the_seed_template_is_prefilled_and_imports_back_as_unchanged(tmp_path, path):
    report = seed(path)
    out = write_budget_template(tmp_path / "预算.xlsx", report)
    preview = preview_budget(out, report)
    assert preview.ok, preview.lines()
    assert preview.changes and all(c.same for c in preview.changes)
    assert not preview.new_projects
    assert "完全相同" in "\n".join(preview.lines())
    assert apply(preview, report) == report


def test_wan_yuan_header_and_overwrites_are_shown(tmp_path):
    report = small_report()
    report.finance.budget.adjusted = Decimal("5000000.00")
    path = _budget_book(tmp_path / "万元.xlsx", [
        ("一、部门整体预算", None),
        ("全年预算数（调整后）", 570.54),
        ("执行数", "537.81"),
        ("其中：人员经费", 100),
    ], project_rows=[("单位：万元",), ("项目名称", "全年预算数", "全年执行数"), ("（一）春蕾行动计划经费", 1, 0.98)],
        finance_header=("科目", "金额（万元）"))
    preview = preview_budget(path, report)
    assert preview.ok, preview.lines()
    text = "\n".join(preview.lines())
    assert "将覆盖 1 项已有金额" in text and "5,000,000.00元 → 5,705,400.00元" in text
    result = apply(preview, report)
    assert result.finance.budget.adjusted == Decimal("5705400.00")
    assert result.finance.budget.executed == Decimal("5378100.00")
    assert result.finance.expenditure.personnel == Decimal("1000000.00")
    chunlei = result.project("p1")
    assert (chunlei.adjusted.total, chunlei.executed.total) == (Decimal("10000.00"), Decimal("9800.00"))
    assert len(result.projects) == 2  # matched by name despite the numbering


def test_problems_leave_the_report_as_it_was(tmp_path):
    report = small_report()
    before = copy.deepcopy(report)
    path = _budget_book(tmp_path / "坏.xlsx", [
        ("一般公共预算财政拨款收入", "二百万"),
        ("不知道是什么", 5),
        ("人员经费", -1),
        ("人员经费", 1),
    ], project_rows=[("项目名称", "全年预算数"), (None, 100), ("春蕾行动计划经费", "abc")])
    preview = preview_budget(path, report)
    assert not preview.ok
    where = [(p.sheet, p.row) for p in preview.problems]
    assert ("收入支出", 2) in where and ("收入支出", 3) in where and ("收入支出", 4) in where
    assert ("收入支出", 5) in where  # 人员经费 twice
    assert ("项目预算", 2) in where and ("项目预算", 3) in where
    assert any("不认识的项目“不知道是什么”" == p.message for p in preview.problems)
    with pytest.raises(ImportRefused):
        apply(preview, report)
    assert report == before


def test_a_workbook_without_budget_tables_is_refused(tmp_path):
    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(tmp_path / "x.xlsx")
    preview = preview_budget(tmp_path / "x.xlsx", small_report())
    assert [p.message for p in preview.problems] == ["文件中没有可识别的预算表"]


def test_existing_projects_keep_their_other_fields(tmp_path):
    report = small_report()
    report.projects[0] = Project("春蕾行动计划经费", expected_goal="帮扶困境女童", key="p1")
    path = _budget_book(tmp_path / "p.xlsx", [], project_rows=[("项目名称", "年初预算数（元）"), ("春蕾行动计划经费", 10000)])
    result = apply(preview_budget(path, report), report)
    assert result.project("p1").expected_goal == "帮扶困境女童"
    assert result.project("p1").initial.total == Decimal("10000.00")
