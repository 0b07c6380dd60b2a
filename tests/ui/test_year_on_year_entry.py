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
