"""The grids as a clerk used to Excel/WPS drives them: dates as typed, paste and copy, keys, deleting."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.domain.model import BeneficiaryUnit
from desktop.ui.grid_paste import PastePreviewDialog

from .conftest import when_dialog_opens


@pytest.fixture
def ledger(qtbot, window, seed_paths):
    """The 2024 seed with an empty ledger, its page open."""
    window.import_path(seed_paths[0])
    report = window.report
    report.activities = []
    window.workspace.save(report)
    window.refresh()
    page = window.ledger_page
    window.show_page(window.page_index(page))
    return page.table


def open_cell(qtbot, table, row, column):
    view = table.view
    view.setFocus()
    view.setCurrentIndex(table.from_source(table.model.index(row, column)))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    return editor


def add_activity(qtbot, table):
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "添加活动 opens the date cell for typing"
    return editor


@pytest.mark.parametrize("typed, stored", [
    ("2024-07-15", date(2024, 7, 15)),
    ("2024-05-12", date(2024, 5, 12)),
    ("2024-3-8", date(2024, 3, 8)),
    ("2024/3/8", date(2024, 3, 8)),
    ("2024.9.1", date(2024, 9, 1)),
    ("20240308", date(2024, 3, 8)),
    ("7/20", date(2024, 7, 20)),  # no year: the report's
])
def test_a_date_typed_as_displayed_is_stored_as_typed(qtbot, ledger, typed, stored):
    editor = add_activity(qtbot, ledger)
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ledger.editor.report.activities[0].date == stored


def test_a_chinese_date_typed_through_the_input_method(qtbot, ledger):
    from .conftest import type_text

    editor = add_activity(qtbot, ledger)
    editor.selectAll()
    type_text(editor, "3月8日")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ledger.editor.report.activities[0].date == date(2024, 3, 8)


def test_a_date_that_cannot_be_read_is_refused_where_it_was_typed(qtbot, ledger):
    editor = add_activity(qtbot, ledger)
    qtbot.keyClicks(editor, "2024-07-15")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor = open_cell(qtbot, ledger, 0, 0)
    editor.selectAll()
    qtbot.keyClicks(editor, "2024-13-45")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The editor stays open with the reason; the stored date is untouched, not half-changed.
    assert QApplication.focusWidget() is editor and editor.text() == "2024-13-45"
    assert "不是" in ledger.message.toolTip() and "日期" in ledger.message.toolTip()
    assert ledger.editor.report.activities[0].date == date(2024, 7, 15)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert ledger.editor.report.activities[0].date == date(2024, 7, 15)


def test_no_keystroke_is_lost_after_adding_activities(qtbot, ledger):
    days = ["2024-01-05", "2024-02-14", "2024-03-08", "2024-04-30", "2024-06-01", "2024-07-15"]
    for day in days:
        editor = add_activity(qtbot, ledger)
        qtbot.keyClicks(editor, day)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    activities = ledger.editor.report.activities
    assert [a.date.isoformat() for a in activities[:6]] == days
    # The last Enter opened the next, empty row, as it would in a sheet.
    assert len(activities) == 7 and activities[6].title == ""


TSV = (
    "2024-3-8\t宣讲\t三八节宣讲\t1\t120\t\t\t3,500\r\n"
    "2024/4/2\t培训\t家政培训\t2\t60\t60\t人\t1.5万\r\n"
    "5月9日\t宣讲\t母亲节活动\t1\t80\t\t\t\r\n"
    "2024.6.1\t慰问\t六一慰问\t1\t45\t45\t户\t１２３\r\n"
    "20240915\t宣讲\t中秋座谈\t1\t30\t\t\t800\r\n"
)


def paste(qtbot, table, text, accept=True):
    QGuiApplication.clipboard().setText(text)
    seen = {}

    def act(dialog):
        assert isinstance(dialog, PastePreviewDialog)
        seen["dialog"] = dialog.message.text()
        seen["details"] = dialog.details.toPlainText()
        if accept and dialog.paste_button is not None:
            qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    when_dialog_opens(qtbot, act)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window = table.window()
    window.activateWindow()  # the offscreen platform leaves the closed dialog active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return seen


def test_five_rows_pasted_from_excel_arrive_parsed_in_one_undo_step(qtbot, window, ledger):
    kinds = window.report.activity_kinds
    assert {"宣讲", "培训", "慰问"} <= set(kinds), kinds
    seen = paste(qtbot, ledger, TSV)
    assert "将粘贴 5 行（新增 5 行）" in seen["dialog"]
    activities = window.report.activities
    assert [a.title for a in activities] == ["三八节宣讲", "家政培训", "母亲节活动", "六一慰问", "中秋座谈"]
    assert [a.date for a in activities] == [date(2024, 3, 8), date(2024, 4, 2), date(2024, 5, 9),
                                            date(2024, 6, 1), date(2024, 9, 15)]
    assert [a.money for a in activities] == [Decimal("3500.00"), Decimal("15000.00"), None,
                                             Decimal("123.00"), Decimal("800.00")]
    assert activities[1].beneficiaries == 60 and activities[0].beneficiaries is None
    assert [a.beneficiary_unit for a in activities] == [None, BeneficiaryUnit.PERSON, None, BeneficiaryUnit.HOUSEHOLD, None]
    assert "已粘贴 5 行" in ledger.message.toolTip()
    qtbot.keyClick(ledger.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.activities == []


def test_a_bad_cell_in_a_pasted_block_is_named_and_nothing_is_pasted(qtbot, window, ledger):
    bad = TSV.replace("2024/4/2", "2024/4/31").replace("\t60\t60", "\t六十\t60")
    seen = paste(qtbot, ledger, bad)
    assert "没有粘贴任何内容" in seen["dialog"]
    assert "第 2 行“日期”" in seen["details"] and "没有这一天" in seen["details"]
    assert "第 2 行“参与人次”" in seen["details"]
    assert window.report.activities == []


def test_pasting_over_rows_overwrites_from_the_current_cell(qtbot, window, ledger):
    paste(qtbot, ledger, TSV)
    ledger.select(1, 2)
    QGuiApplication.clipboard().setText("家政服务培训\t3\r\n")
    qtbot.keyClick(ledger.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # one row: no preview
    activities = window.report.activities
    assert len(activities) == 5 and activities[1].title == "家政服务培训" and activities[1].sessions == 3


def test_a_selection_copies_as_tab_separated_text_that_pastes_back(qtbot, window, ledger):
    paste(qtbot, ledger, TSV)
    view = ledger.view
    ledger.select(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "2024-03-08\t宣讲\t三八节宣讲\r\n2024-04-02\t培训\t家政培训\r\n"


def test_enter_moves_down_and_on_the_last_row_adds_a_row(qtbot, window, ledger):
    paste(qtbot, ledger, TSV)
    editor = open_cell(qtbot, ledger, 3, 2)
    editor.selectAll()
    qtbot.keyClicks(editor, "Six")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert ledger.view.currentIndex().row() == 4 and ledger.view.currentIndex().column() == 2
    assert QApplication.focusWidget() is ledger.view  # moved, not editing the next cell
    qtbot.keyClick(ledger.view, Qt.Key.Key_Return)  # on the last row
    assert ledger.model.rowCount() == 6 and ledger.current_row() == 5
    qtbot.keyClick(ledger.view, "N")  # typing starts the editor
    qtbot.keyClicks(QApplication.focusWidget(), "ew")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.report.activities[5].title == "New"
    assert ledger.model.rowCount() == 7  # and Enter again opened the next one, still empty
    qtbot.keyClick(ledger.view, Qt.Key.Key_Up)
    assert ledger.model.rowCount() == 6, "an empty row she leaves untouched goes again"


def test_tab_at_the_end_of_a_row_goes_to_the_next_row(qtbot, window, ledger):
    paste(qtbot, ledger, TSV)
    last = ledger.model.columnCount() - 1
    ledger.select(0, last)
    qtbot.keyClick(ledger.view, Qt.Key.Key_Tab)
    assert (ledger.view.currentIndex().row(), ledger.view.currentIndex().column()) == (1, 0)
    ledger.select(4, last)
    qtbot.keyClick(ledger.view, Qt.Key.Key_Tab)
    assert ledger.model.rowCount() == 6 and ledger.view.currentIndex().column() == 0


def test_delete_clears_cells_and_row_deletion_says_how_many_and_undoes(qtbot, window, ledger):
    paste(qtbot, ledger, TSV)
    ledger.select(0, 7)  # 金额（元）
    qtbot.keyClick(ledger.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(ledger.view, Qt.Key.Key_Delete)
    assert window.report.activities[0].money is None and window.report.activities[1].money is None
    ledger.select(1, 6)  # 受益单位: Delete leaves it unstated
    qtbot.keyClick(ledger.view, Qt.Key.Key_Delete)
    assert window.report.activities[1].beneficiary_unit is None and window.report.activities[1].beneficiaries == 60
    ledger.select(1, 2)
    qtbot.keyClick(ledger.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(ledger.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.mouseClick(ledger.remove_button, Qt.MouseButton.LeftButton)
    assert [a.title for a in window.report.activities] == ["三八节宣讲", "中秋座谈"]
    assert "已删除 3 行" in ledger.message.text()
    qtbot.keyClick(ledger.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.report.activities) == 5 and window.report.activities[2].title == "母亲节活动"


def test_the_edit_menu_and_the_context_menu_offer_the_sheet_actions(qtbot, window, ledger):
    texts = [a.text() for a in window.menuBar().actions()[1].menu().actions() if a.text()]
    for wanted in ("复制(&C)", "粘贴(&P)", "插入行(&I)", "删除行(&D)"):
        assert wanted in texts
    paste(qtbot, ledger, TSV)
    ledger.select(2, 2)
    window.grid_actions.insert_row.trigger()
    assert len(window.report.activities) == 6 and window.report.activities[2].title == ""
    assert [a.text() for a in ledger.edit_actions()] == ["复制(&C)", "粘贴(&P)", "清除内容", "插入行(&I)", "删除行(&D)"]


def test_amounts_pasted_into_the_income_lines(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.finance_page
    window.show_page(window.page_index(page))
    table = page.income
    before = len(window.report.finance.income_lines)
    table.select(0, 1)
    QGuiApplication.clipboard().setText("3,500\r\n")
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.report.finance.income_lines[0].amount == Decimal("3500.00")
    table.select(0, 1)
    QGuiApplication.clipboard().setText("1.5万\r\n")
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.report.finance.income_lines[0].amount == Decimal("15000.00")
    assert len(window.report.finance.income_lines) == before


def test_a_block_copied_with_its_header_row_is_matched_by_header_in_any_order(qtbot, window, ledger):
    # As copied from a clerk's own sheet: a 序号 column, her own header words, another order, 金额 in 万元.
    block = ("序号\t活动名称\t活动日期\t金额（万元）\t参与人数\t类型\r\n"
             "1\t三八节宣讲\t2024-3-8\t0.35\t120\t宣讲\r\n"
             "2\t家政培训\t2024/4/2\t1.5\t60\t培训\r\n")
    seen = paste(qtbot, ledger, block)
    assert "将粘贴 2 行（新增 2 行）" in seen["dialog"]
    assert "“序号”不是这张表的栏目" in seen["details"]
    activities = window.report.activities
    assert [a.title for a in activities] == ["三八节宣讲", "家政培训"]
    assert [a.date for a in activities] == [date(2024, 3, 8), date(2024, 4, 2)]
    assert [a.money for a in activities] == [Decimal("3500.00"), Decimal("15000.00")]
    assert [a.participants for a in activities] == [120, 60]
    assert [a.kind for a in activities] == ["宣讲", "培训"]


def test_a_block_without_a_header_still_goes_column_by_column_from_the_current_cell(qtbot, window, ledger):
    paste(qtbot, ledger, TSV)
    ledger.select(0, 2)
    QGuiApplication.clipboard().setText("宣讲\t2\r\n")  # 活动名称, 场次: by position, though “宣讲” is a kind
    qtbot.keyClick(ledger.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.report.activities[0].title == "宣讲" and window.report.activities[0].sessions == 2


def test_unknown_kinds_are_pasted_as_the_closest_kind_or_as_a_new_kind_and_said_so(qtbot, window, ledger):
    block = ("2024-3-8\t宣讲会\t三八节宣讲\t1\t120\r\n"
             "2024-4-2\t家风讲堂\t好家风分享\t1\t60\r\n"
             "2024-5-9\t家风讲堂\t家风故事会\t1\t80\r\n")
    before = list(window.report.activity_kinds)
    seen = paste(qtbot, ledger, block)
    assert "将粘贴 3 行" in seen["dialog"]
    assert "第 1 行“类型”：没有“宣讲会”这一项，按最接近的“宣讲”粘贴" in seen["details"]
    assert "“家风讲堂”原来不在可选项中，已作为新的一项加入" in seen["details"]
    assert [a.kind for a in window.report.activities] == ["宣讲", "家风讲堂", "家风讲堂"]
    assert window.report.activity_kinds == before + ["家风讲堂"]  # once, at the end of the list
    assert "已作为新的一项加入" in ledger.message.toolTip()
    # One undo takes back the rows and the new kind together.
    qtbot.keyClick(ledger.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.activities == [] and window.report.activity_kinds == before
