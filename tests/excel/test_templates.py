"""Templates: drop-downs from a hidden sheet, input hints, an example row, numbers as numbers."""

from decimal import Decimal

from openpyxl import load_workbook

from desktop.excel.templates import OPTIONS_SHEET, write_budget_template, write_ledger, write_ledger_template

from .helpers import SEED_000, seed


def _validations(ws) -> dict[str, object]:
    """Column letter → its data validation."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            found[ref.rstrip("0123456789:").rstrip("0123456789")[:1]] = dv
    return found


def test_ledger_template_for_a_report(tmp_path):
    report = seed(SEED_000)
    path = write_ledger_template(tmp_path / "台账模板.xlsx", report)
    wb = load_workbook(path)
    ws = wb["活动台账"]
    assert [c.value for c in ws[1]] == ["日期", "活动类型", "活动名称", "场次", "参与人次", "受益人数", "受益单位",
                                        "金额（元）", "关联工作任务", "关联项目", "备注"]
    assert ws.freeze_panes == "A2"
    # The long lists live on a hidden sheet and the validations point there, never inline.
    options = wb[OPTIONS_SHEET]
    assert options.sheet_state == "hidden"
    tasks = [c.value for c in options["B"][1:] if c.value]
    projects = [c.value for c in options["C"][1:] if c.value]
    assert tasks == [t.title for t in report.tasks]
    assert projects == [p.name for p in report.projects]
    dvs = _validations(ws)
    assert dvs["B"].type == "list" and dvs["B"].formula1.startswith("'选项'!$A$2")
    assert dvs["I"].type == "list" and dvs["I"].formula1 == f"'选项'!$B$2:$B${len(tasks) + 1}"
    assert dvs["J"].type == "list" and dvs["J"].formula1 == f"'选项'!$C$2:$C${len(projects) + 1}"
    assert dvs["D"].type == "whole" and dvs["H"].type == "decimal"
    # 受益单位: a strict drop-down of exactly the four units of count.
    assert [c.value for c in options["D"][1:] if c.value] == ["人", "人次", "户", "个"]
    assert dvs["G"].type == "list" and dvs["G"].formula1 == "'选项'!$D$2:$D$5" and dvs["G"].errorStyle == "stop"
    for letter in "ABCDEFGHIJK":
        assert dvs[letter].showInputMessage and dvs[letter].prompt, letter
    assert ws["A1"].comment is not None and "必填" in ws["A1"].comment.text
    # The example row: real types, and marked so that the import skips it.
    example = [c.value for c in ws[2]]
    assert example[0].year == report.fiscal_year
    assert isinstance(example[4], int) and example[6] == "人" and example[7] == 1200
    assert ws["H2"].data_type == "n" and ws["H2"].number_format == "#,##0.00"
    assert example[10].startswith("示例")
    assert ws.max_row == 2
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4


def test_generic_ledger_template_lists_the_default_kinds(tmp_path):
    wb = load_workbook(write_ledger_template(tmp_path / "t.xlsx"))
    kinds = [c.value for c in wb[OPTIONS_SHEET]["A"][1:] if c.value]
    assert "培训" in kinds and "宣讲" in kinds
    assert "I" in _validations(wb["活动台账"])  # a hint even without a list to choose from


def test_ledger_export_writes_numbers_and_dates_not_text(tmp_path):
    report = seed(SEED_000)
    wb = load_workbook(write_ledger(report, tmp_path / "台账.xlsx"))
    ws = wb["活动台账"]
    assert ws.max_row == 1 + len(report.activities)
    for row, activity in zip(ws.iter_rows(min_row=2), report.activities):
        assert row[0].is_date and row[0].value.date() == activity.date
        if activity.money is not None:
            assert row[7].data_type == "n" and Decimal(str(row[7].value)) == activity.money
        assert row[6].value == (activity.beneficiary_unit.value if activity.beneficiary_unit else None)
        if activity.sessions is not None:
            assert row[3].value == activity.sessions


def test_budget_template_sheets_hints_and_example(tmp_path):
    report = seed(SEED_000)
    wb = load_workbook(write_budget_template(tmp_path / "预算模板.xlsx", report))
    assert wb.sheetnames == ["收入支出", "项目预算", "三公经费", OPTIONS_SHEET]
    finance = wb["收入支出"]
    labels = {row[0].value: row[1].value for row in finance.iter_rows(min_row=2)}
    assert labels["一般公共预算财政拨款收入"] == 2197000
    assert labels["基本支出"] == 764600 and labels["项目支出"] == 1432400
    assert labels["人员经费"] is None
    projects = wb["项目预算"]
    assert [c.value for c in projects[1]] == ["项目名称", "实施单位", "年初预算数（元）", "全年预算数（元）", "全年执行数（元）", "备注"]
    assert projects["F2"].value.startswith("示例")
    assert [projects.cell(row=r, column=1).value for r in range(3, 8)] == [p.name for p in report.projects]
    dvs = _validations(projects)
    assert dvs["A"].type == "list" and dvs["A"].errorStyle == "warning"  # new projects may be typed
    assert dvs["C"].type == "decimal"
    assert wb[OPTIONS_SHEET].sheet_state == "hidden"
