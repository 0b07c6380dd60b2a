"""The report workbook: the seeds' figures cell by cell, layout, and LibreOffice's recalculated totals."""

import copy
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.reports.xlsx_writer import export_xlsx, number_value, workbook_for, write_xlsx
from desktop.reports.build import build_document
from desktop.reports.document import Amount, Percent
from desktop.reports.outline import load_outline

from .conftest import filled_seed
from tests.excel.helpers import SEED_000, SEED_004, recalculate_to_csv, seed, to_decimal

D = Decimal


def _rows_by_label(ws) -> dict[str, list]:
    """First-column label (without the indent) → the row's values."""
    out = {}
    for row in ws.iter_rows(values_only=True):
        if isinstance(row[0], str):
            out.setdefault(row[0].replace("　", ""), list(row))
    return out


@pytest.fixture(scope="module")
def seed_books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("books")
    books = {}
    for name in ("000", "004"):
        out = export_xlsx(filled_seed(name), folder / f"seed_{name}.xlsx")
        books[name] = out
    return books


def test_seed_000_figures_cell_by_cell(seed_books):
    wb = load_workbook(seed_books["000"], data_only=True)  # the stored values, as a non-recalculating viewer shows
    assert wb.sheetnames[:3] == ["收支情况", "项目支出", "部门整体支出绩效自评表"]
    assert wb.sheetnames[3:] == [f"项目支出绩效自评表（{n}）" for n in
                                 ("春蕾行动计划经费", "妇工委工作经费", "贫困母亲救助", "三八节活动经费", "乡镇妇联工作经费")]
    ws = wb["收支情况"]
    assert ws["A1"].value == "收支情况表" and ws["A2"].value == "单位：万元"
    assert [ws["A3"].value, ws["B3"].value, ws["C3"].value] == ["项目", "金额（万元）", "占比"]
    rows = _rows_by_label(ws)
    assert to_decimal(rows["本年收入合计"][1]) == D("219.7")
    assert to_decimal(rows["一般公共预算财政拨款收入"][1]) == D("219.7") and rows["一般公共预算财政拨款收入"][2] == 1
    assert rows["其他收入"][1] == 0
    assert to_decimal(rows["本年支出合计"][1]) == D("219.7")
    assert to_decimal(rows["基本支出"][1]) == D("76.46") and to_decimal(rows["基本支出"][2]) == D("0.348")
    assert to_decimal(rows["项目支出"][1]) == D("143.24") and to_decimal(rows["项目支出"][2]) == D("0.652")
    assert rows["年末结转结余"][1] == 0
    # Shares are fractions shown as 34.8%, amounts 2-decimal numbers.
    share_cell = next(c for c in ws["C"] if c.value is not None and not isinstance(c.value, str) and c.value < 1)
    assert share_cell.number_format == "0.0%"
    assert ws["B6"].number_format == "#,##0.00"

    ws = wb["项目支出"]
    assert [c.value for c in ws[3]] == ["序号", "项目名称", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）",
                                        "执行率", "自评得分"]
    body = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=8)]
    assert [(r[1], to_decimal(r[2])) for r in body] == [
        ("春蕾行动计划经费", D("1")), ("妇工委工作经费", D("0.5")), ("贫困母亲救助", D("2")),
        ("三八节活动经费", D("2")), ("乡镇妇联工作经费", D("5"))]
    assert ws["A9"].value == "合计" and to_decimal(ws["C9"].value) == D("10.5") and to_decimal(ws["D9"].value) == D("10.5")

    ws = wb["项目支出绩效自评表（春蕾行动计划经费）"]
    assert ws["A3"].value == "项目名称" and ws["B3"].value == "春蕾行动计划经费"
    assert ws["A5"].value == "项目资金（万元）" and ws["A6"].value is None
    assert to_decimal(ws["D6"].value) == D("1") and ws["G6"].value == 10  # 年初预算数 1 万元, 分值 10


def test_seed_004_figures_cell_by_cell(seed_books):
    wb = load_workbook(seed_books["004"], data_only=True)
    assert wb.sheetnames == ["收支情况", "部门整体支出绩效自评表"]  # no project: no project list, no project forms
    rows = _rows_by_label(wb["收支情况"])
    assert to_decimal(rows["全年预算数"][1]) == D("570.54")
    assert to_decimal(rows["全年执行数"][1]) == D("537.81")
    assert to_decimal(rows["预算执行率"][1]) == D("0.9426")
    ws = wb["部门整体支出绩效自评表"]
    assert [c.value for c in ws[3]] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                        "偏差原因分析及改进措施"]
    row = [c.value for c in ws[4]]
    assert row[0] == "预算执行率" and row[3] == 1 and to_decimal(row[4]) == D("0.9426")
    assert row[5] == 10 and to_decimal(row[6]) == D("9.43")
    assert ws["D4"].number_format == "0%" and ws["E4"].number_format == "0.00%"
    # 总分 is the sum of the rows shown (execution 9.43 + indicators 20 + 30 + 28 + 10), its grade a row of its own.
    total = [c.value for c in ws[9]]
    assert total[0] == "总分" and total[5] == 100 and to_decimal(total[6]) == D("97.43") and total[7] is None
    grade = [c.value for c in ws[10]]
    assert grade[0] == "评价等级" and grade[5] == "优"


def test_layout_merged_headers_print_setup_frozen_rows(seed_books):
    wb = load_workbook(seed_books["000"])
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert "A1:" in " ".join(str(r) for r in ws.merged_cells.ranges)  # the title spans the table
        assert ws["A3"].border.left.style == "thin"
    assert wb["收支情况"].freeze_panes == "A4"
    assert wb["收支情况"].print_title_rows == "$1:$3"
    project_sheet = wb["项目支出绩效自评表（春蕾行动计划经费）"]
    merged = {str(r) for r in project_sheet.merged_cells.ranges}
    assert {"B3:J3", "A5:A6", "A7:A8"} <= merged  # 项目名称 across; 项目资金 and 年度总体目标 down
    assert project_sheet.freeze_panes == "A4"  # the project's name row stays in view


def test_numbers_are_never_text(seed_books):
    number_text = re.compile(r"^-?[\d,]+(\.\d+)?%?$")
    for book in seed_books.values():
        for ws in load_workbook(book).worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and not cell.value.startswith("="):
                        # 序号 is a label, not a quantity
                        if ws.title == "项目支出" and cell.column == 1:
                            continue
                        assert not number_text.match(cell.value), (ws.title, cell.coordinate, cell.value)


@pytest.mark.parametrize("path", [SEED_000, SEED_004], ids=["seed000", "seed004"])
def test_every_cell_matches_the_document_model(tmp_path, path):
    """Word, PDF and Excel render one model: each typed cell lands as its number, each text as its text."""
    report = seed(path)
    document = build_document(report, load_outline(report.outline.value))
    wb, cached = workbook_for(document)
    write_xlsx(document, tmp_path / "x.xlsx")
    book = load_workbook(tmp_path / "x.xlsx", data_only=True)
    tables = [b for b in document.appendices if hasattr(b, "placed")]
    assert len(tables) == len(book.worksheets)
    for table, ws in zip(tables, book.worksheets):
        for r, c, cell in table.placed():
            got = ws.cell(row=3 + r, column=1 + c).value
            number, _ = number_value(cell)
            if number is not None:
                assert to_decimal(got) == number, (ws.title, r, c)
            elif cell.text:
                assert got == cell.text or (got.startswith(cell.text) and got.endswith("）")), (ws.title, r, c, got)
            else:
                assert got is None, (ws.title, r, c, got)


def test_a_total_that_is_not_the_sum_is_written_as_its_value(tmp_path):
    report = seed(SEED_000)
    report.finance.income_total = Decimal("2200000.00")  # as printed in a 决算 that does not add up
    out = export_xlsx(report, tmp_path / "x.xlsx")
    ws = load_workbook(out)["收支情况"]
    rows = _rows_by_label(ws)
    assert to_decimal(rows["本年收入合计"][1]) == D("220")
    assert str(rows["本年支出合计"][1]).startswith("=SUM(")


def test_formulas_carry_their_values(seed_books):
    with zipfile.ZipFile(seed_books["000"]) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml").decode()
    assert re.search(r"<f>SUM\(C4:C8\)</f><v>10\.5</v>", sheet)


def _csv_number(text: str) -> Decimal:
    """Calc writes raw numbers, except that percentages keep their sign: "94.26%"."""
    text = text.replace(",", "")
    if text.endswith("%"):
        return Decimal(text[:-1]) / 100
    return Decimal(text) if text else Decimal(0)


def test_libreoffice_recalculates_to_the_programs_totals(seed_books, tmp_path):
    report = seed(SEED_000)
    sheets = recalculate_to_csv(seed_books["000"], tmp_path / "csv")
    assert {"收支情况", "项目支出", "部门整体支出绩效自评表"} <= set(sheets)
    stored = load_workbook(seed_books["000"], data_only=True)
    formulas = load_workbook(seed_books["000"])
    checked = 0
    for name, rows in sheets.items():
        ws, fws = stored[name], formulas[name]
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row, start=1):
                value = ws.cell(row=r, column=c).value
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    assert _csv_number(text) == to_decimal(value), (name, r, c, text, value)
                    if str(fws.cell(row=r, column=c).value).startswith("="):
                        checked += 1
    assert checked >= 4  # 本年收入合计, 本年支出合计, and the project totals were recomputed by Calc
    income = _rows_by_label(stored["收支情况"])
    from desktop.domain.finance import expenditure_total, income_total
    from desktop.domain.money import yuan_to_wan

    calc = {row[0].replace("　", ""): row for row in sheets["收支情况"] if row}
    assert _csv_number(calc["本年收入合计"][1]) == yuan_to_wan(income_total(report.finance))
    assert _csv_number(calc["本年支出合计"][1]) == yuan_to_wan(expenditure_total(report.finance.expenditure))
    assert income["本年收入合计"][1] == 219.7
    project_total = next(row for row in sheets["项目支出"] if row and row[0] == "合计")
    assert _csv_number(project_total[2]) == Decimal("10.5")


def test_the_harness_really_recalculates(tmp_path):
    """A formula stored with a wrong value must come back corrected, or the test above proves nothing."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "t"
    ws["A1"], ws["A2"], ws["A3"] = 1, 2, "=SUM(A1:A2)"
    path = tmp_path / "wrong.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(b"<v></v>", b"<v>99</v>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert load_workbook(path, data_only=True)["t"]["A3"].value == 99
    assert recalculate_to_csv(path, tmp_path / "csv")["t"][2] == ["3"]


def test_sheet_names_are_valid_and_unique(tmp_path):
    report = filled_seed("000")
    report.projects.append(copy.deepcopy(report.projects[0]))
    report.projects[-1].key = "dup"
    report.projects.append(copy.deepcopy(report.projects[0]))
    report.projects[-1].name = "一个名字非常非常非常非常长的项目：包含/不允许的*字符?"
    report.projects[-1].key = "long"
    wb = load_workbook(export_xlsx(report, tmp_path / "x.xlsx"))
    names = wb.sheetnames
    assert len(names) == len(set(names)) == 3 + len(report.projects)
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in names)


def test_amount_and_percent_values():
    from desktop.reports.document import Cell, Number

    assert number_value(Cell(Amount(Decimal("2197000.00")))) == (Decimal("219.70"), "#,##0.00")
    assert number_value(Cell(Amount(Decimal("1234.5"), unit="元"))) == (Decimal("1234.5"), "#,##0.00")
    assert number_value(Cell(Percent(Decimal("94.26")))) == (Decimal("0.9426"), "0.00%")
    assert number_value(Cell(Percent(Decimal("34.8")))) == (Decimal("0.348"), "0.0%")
    assert number_value(Cell(Number(Decimal("98")))) == (Decimal("98"), "0")
    assert number_value(Cell("文字")) == (None, None)


def test_form_totals_are_sums_that_libreoffice_recalculates(tmp_path):
    from .conftest import filled_seed

    book = export_xlsx(filled_seed("004"), tmp_path / "filled.xlsx")
    formulas = load_workbook(book)["部门整体支出绩效自评表"]
    assert formulas["F9"].value == "=SUM(F4,F5,F6,F7,F8)" and formulas["G9"].value == "=SUM(G4,G5,G6,G7,G8)"
    sheets = recalculate_to_csv(book, tmp_path / "csv")
    rows = {row[0]: row for row in sheets["部门整体支出绩效自评表"] if row}
    assert _csv_number(rows["总分"][5]) == 100 and _csv_number(rows["总分"][6]) == D("97.43")


def test_text_pasted_from_word_with_its_break_characters_exports_to_every_format(tmp_path):
    """Shift+Enter in Word is a vertical tab (\\x0b); pasted into a project name or a 偏差原因 it reached the
    workbook, which refuses control characters, and the whole export failed. It is a line break now."""
    from desktop.reports.export import export_report

    report = filled_seed("000")
    report.projects[0].name = "春蕾行动\x0b计划经费\x01"
    indicator = report.self_evaluation.indicators[0]
    indicator.deviation_reason = "第一行\x0b第二行"
    result = export_report(report, tmp_path, ["docx", "pdf", "xlsx"])
    book = load_workbook(next(p for p in result.paths if p.suffix == ".xlsx"))
    texts = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("春蕾行动\n计划经费" in t for t in texts)
    assert any("第一行\n第二行" in t for t in texts)
    assert not any(re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", t) for t in texts)
