"""No figure that misleads: no grade on an unfinished 自评表, read-only cells say where to type, 万元 slips offered a fix,
and a finance form that does not move while the clerk types into it."""

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.domain.evaluation import weight_total

from .conftest import edit_cell, when_dialog_opens
from .test_report_entry import field


def test_a_table_whose_weights_add_up_to_70_shows_no_score_or_grade(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.evaluation_page
    window.show_page(window.page_index(page))
    table = page.indicators
    assert table.model.rowCount() == 0
    # Two indicators pasted from a sheet: 10 (预算执行) + 40 + 20 = 70 points of 100.
    QGuiApplication.clipboard().setText(
        "产出指标\t数量指标\t宣讲场次\t≥\t3\t场\t\t3\t\t\t40\r\n"
        "效益指标\t社会效益指标\t受益人数\t≥\t900\t人\t\t930\t\t\t20\r\n")
    when_dialog_opens(qtbot, lambda dialog: qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton))
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window.activateWindow()  # the offscreen platform leaves the closed dialog active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    evaluation = window.report.self_evaluation
    assert weight_total(evaluation.execution_weight, evaluation.indicators) == 70
    assert page.total.text().startswith("分值合计 70 / 100")
    assert page.grade.text() == "分值未配齐，暂不评定"
    edit_cell(qtbot, table, 1, 10, "50")
    assert weight_total(evaluation.execution_weight, evaluation.indicators) == 100
    assert page.grade.text() in ("优", "良", "中", "差") and page.total.text()[0].isdigit()


def test_a_project_amount_typed_in_the_list_says_where_it_goes(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.projects_page
    window.show_page(window.page_index(page))
    table = page.list
    budget = table.model.index(0, 2).data()
    view = table.view
    view.setFocus()
    view.setCurrentIndex(table.model.index(0, 2))
    qtbot.keyClick(view, Qt.Key.Key_5)
    assert "资金（元）" in table.message.toolTip() and "全年预算数" in table.message.toolTip()
    assert table.model.index(0, 2).data() == budget
    assert "请在那里填写" in table.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_an_amount_that_looks_like_wan_typed_as_yuan_gets_a_one_click_fix(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.finance_page
    window.show_page(window.page_index(page))
    path = "report.finance.expenditure.personnel"
    edit = field(page, path)
    edit.selectAll()
    qtbot.keyClicks(edit, "25.3")
    assert window.report.finance.expenditure.personnel == Decimal("25.30")
    offer = next(b for b in page.binder.binding_for(path).container.findChildren(QPushButton) if b.isVisible())
    assert offer.text() == "改为 25.3 万元？"
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert window.report.finance.expenditure.personnel == Decimal("253000.00")
    assert edit.text() == "253000" and not offer.isVisible()



def test_a_project_fund_typed_as_yuan_that_looks_like_wan_gets_the_fix_under_the_fund_grid(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.projects_page
    window.show_page(window.page_index(page))
    path = "report.projects[0].adjusted.current_year"
    edit = field(page, path)
    offer = page.fund_suggestion
    below = page.indicators.mapTo(page, page.indicators.rect().topLeft())
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "48.5")
    assert window.report.projects[0].adjusted.current_year == Decimal("48.50")
    assert offer.isVisible() and "当年财政拨款·全年预算数" in offer.text() and "改为 48.5 万元？" in offer.text()
    assert page.indicators.mapTo(page, page.indicators.rect().topLeft()) == below  # it came without moving anything
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert window.report.projects[0].adjusted.current_year == Decimal("485000.00")
    assert edit.text() == "485000" and not offer.isVisible()
    # A figure that is plainly 元 is left alone.
    edit.selectAll()
    qtbot.keyClicks(edit, "485000")
    assert not offer.isVisible()


def test_an_income_line_cell_that_looks_like_wan_gets_the_fix_in_one_undo_step(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.finance_page
    window.show_page(window.page_index(page))
    table = next(t for t in page.tables if t.model.list_path == "report.finance.income_lines")
    column = next(i for i, c in enumerate(table.model.columns) if c.attr == "amount")
    edit_cell(qtbot, table, 0, column, "120")
    assert window.report.finance.income_lines[0].amount == Decimal("120.00")
    offer = table.wan_suggestion
    assert offer.isVisible() and "改为 120 万元？" in offer.text() and "第 1 行" in offer.text()
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert window.report.finance.income_lines[0].amount == Decimal("1200000.00")
    assert not offer.isVisible()
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.report.finance.income_lines[0].amount == Decimal("120.00")

def test_the_finance_form_does_not_move_while_messages_come_and_go(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.finance_page
    window.show_page(window.page_index(page))
    first = field(page, "report.finance.expenditure.personnel")
    below = field(page, "report.finance.expenditure.public")
    QApplication.processEvents()
    where = below.mapTo(page, below.rect().topLeft())
    binding = page.binder.binding_for("report.finance.expenditure.personnel")
    first.selectAll()
    qtbot.keyClicks(first, "12x")  # refused: a message appears under the field
    message = page.binder.binding_for("report.finance.expenditure.personnel").message
    qtbot.waitUntil(lambda: message.isVisible())
    QApplication.processEvents()
    assert below.mapTo(page, below.rect().topLeft()) == where
    window.run_checks()
    QApplication.processEvents()
    assert below.mapTo(page, below.rect().topLeft()) == where
    qtbot.mouseClick(below, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is below
