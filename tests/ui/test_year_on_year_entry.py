"""收支情况: last year's totals typed in give the comparison the report prints; the shares' decimals chosen."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.exchange import write_file

from tests.reports.conftest import seed_report

from .conftest import type_into


def test_last_years_total_and_share_decimals_are_entered_on_the_finance_page(qtbot, window, tmp_path):
    source = tmp_path / "seed.fulian.json"
    write_file(seed_report("000"), source)
    window.import_path(source)
    page = window.finance_page
    window.show_page(window.page_index(page))
    assert "填写上年收入总计" in page.year_on_year.text()
    edit = page.binder.binding_for("report.finance.previous_income_total").widget
    edit.selectAll()
    type_into(qtbot, edit, "1800000")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    report = window.editor.report
    assert report.finance.previous_income_total == Decimal("1800000.00")
    assert page.year_on_year.text() == "收入比上年增加39.7万元，增长22.06%"  # 219.7 against 180 万元
    combo = page.binder.binding_for("report.finance.share_places").widget
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next choice: one decimal
    assert window.editor.report.finance.share_places == 1
    assert page.income.model.index(0, 2).data() == "100.0%"


def test_last_year_stored_in_the_database_is_used_while_typing(qtbot, window, workspace, tmp_path):
    """With last year's report in the database and 上年收入总计 left empty, the finance page shows the
    comparison from the stored totals, and a wrong comparison typed into the prose is flagged at once
    (NUM-003), not only when exporting."""
    this_year = seed_report("000")
    last_year = seed_report("000")
    last_year.fiscal_year = this_year.fiscal_year - 1
    last_year.finance.income_total = Decimal("1800000.00")
    for report, name in ((last_year, "last.fulian.json"), (this_year, "this.fulian.json")):
        report.finance.previous_income_total = None
        report.finance.previous_expenditure_total = None
        write_file(report, tmp_path / name)
        window.import_path(tmp_path / name)
    window.refresh(select=(this_year.unit.name, this_year.fiscal_year))
    assert window.editor.report.fiscal_year == this_year.fiscal_year

    page = window.finance_page
    window.show_page(window.page_index(page))
    assert page.year_on_year.text().startswith("收入比上年增加39.7万元，增长22.06%")
    assert f"{last_year.fiscal_year}年度" in page.year_on_year.text()  # says where the figure came from

    analysis = window.analysis_page
    window.show_page(window.page_index(analysis))
    box = analysis.binder.binding_for("report.narratives.finance_comment").widget
    box.setFocus()
    type_into(qtbot, box, "本年收入总计219.7万元，比上年增加30万元。")
    qtbot.waitUntil(lambda: window.issues is not None and any(i.code == "NUM-003" for i in window.issues), timeout=5000)
    (issue,) = [i for i in window.issues if i.code == "NUM-003"]
    assert "增加39.7万元" in issue.message
