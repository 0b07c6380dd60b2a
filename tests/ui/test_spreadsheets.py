"""Excel from the ledger and finance pages: a preview first, then everything imported and saved."""

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.exchange import read_file
from desktop.services import spreadsheets
from desktop.storage import open_database
from desktop.ui.spreadsheet_actions import ImportPreviewDialog

from .conftest import when_dialog_opens


def emptied_jinkouhe(window, seed_paths):
    window.import_path(seed_paths[0])
    report = window.report
    report.activities = []
    window.workspace.save(report)
    window.refresh()
    assert window.report.activities == []


def test_the_ledger_comes_back_from_excel_after_a_preview(qtbot, window, seed_paths, tmp_path):
    source = read_file(seed_paths[0])
    workbook = spreadsheets.write_ledger(source, tmp_path / "台账.xlsx")
    emptied_jinkouhe(window, seed_paths)
    page = window.ledger_page
    window.show_page(window.page_index(page))
    seen = {}

    def accept(dialog):
        assert isinstance(dialog, ImportPreviewDialog)
        seen["text"] = dialog.text.toPlainText()
        dialog.import_button.click()

    when_dialog_opens(qtbot, accept)
    page.excel.import_file(workbook)
    qtbot.waitUntil(lambda: len(window.report.activities) == len(source.activities), timeout=10000)
    assert f"将新增活动 {len(source.activities)} 条" in seen["text"]
    assert page.table.model.rowCount() == len(source.activities)
    with open_database(window.workspace.database.path) as fresh:
        stored = fresh.reports().get(window.report.unit.id, 2024)
    assert [a.title for a in stored.activities] == [a.title for a in source.activities]


def test_a_file_with_problems_is_explained_and_nothing_changes(qtbot, window, seed_paths, tmp_path):
    emptied_jinkouhe(window, seed_paths)
    bad = tmp_path / "不是表格.xlsx"
    bad.write_text("这不是 Excel 文件", encoding="utf-8")
    seen = {}

    def close(dialog):
        assert isinstance(dialog, ImportPreviewDialog) and dialog.import_button is None
        seen["text"] = dialog.text.toPlainText()
        dialog.reject()

    when_dialog_opens(qtbot, close)
    window.ledger_page.excel.import_file(bad)
    qtbot.waitUntil(lambda: "text" in seen, timeout=10000)
    assert "未导入任何数据" in seen["text"]
    assert window.report.activities == []


def test_the_budget_template_filled_from_the_report_imports_back_unchanged(qtbot, window, seed_paths, tmp_path):
    window.import_path(seed_paths[1])
    path = spreadsheets.write_template(spreadsheets.BUDGET, tmp_path / "预算表.xlsx", window.report)
    seen = {}

    def look(dialog):
        seen["text"] = dialog.text.toPlainText()
        dialog.reject()

    when_dialog_opens(qtbot, look)
    window.finance_page.excel.import_file(Path(path))
    qtbot.waitUntil(lambda: "text" in seen, timeout=10000)
    assert "完全相同" in seen["text"] or "不变" in seen["text"]
    QApplication.processEvents()
