"""A clerk's year, from an empty database: a new unit, every page filled through its forms, errors
found and fixed by jumping to them, the report saved as it is typed and still there after reopening."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.domain.model import BeneficiaryUnit
from desktop.domain.scoring import IndicatorKind
from desktop.storage import open_database
from desktop.ui.dialogs import NewUnitDialog

from .conftest import choose_cell, edit_cell, type_into, type_text, when_dialog_opens

UNIT = "某某区妇女联合会"


def field(page, path):
    binding = page.binder.binding_for(path)
    if binding is None:
        for binder in page.detail_binders:
            binding = binder.binding_for(path)
            if binding is not None:
                break
    assert binding is not None, path
    return binding.widget


def fill(qtbot, page, path, text):
    widget = field(page, path)
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    type_into(qtbot, widget, text)
    return widget


def create_unit(qtbot, window):
    def fill_dialog(dialog):
        assert isinstance(dialog, NewUnitDialog)
        type_text(dialog.name_edit, UNIT)
        dialog.year_spin.setValue(2024)
        dialog.accept()

    when_dialog_opens(qtbot, fill_dialog)
    window.new_unit()
    assert window.report is not None and window.report.unit.name == UNIT
    window.activateWindow()  # the offscreen platform leaves the closed dialog active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def enter_profile(qtbot, window):
    page = window.profile_page
    window.show_page(window.page_index(page))
    fill(qtbot, page, "report.profile.full_name", UNIT)
    fill(qtbot, page, "report.profile.short_name", "某某区妇联")
    fill(qtbot, page, "report.profile.founding_document", "某办〔2019〕12号")
    fill(qtbot, page, "report.profile.functions", "团结引导各族各界妇女听党话、跟党走。\n维护妇女儿童合法权益。")
    fill(qtbot, page, "report.profile.establishment.administrative", "4")
    fill(qtbot, page, "report.profile.actual_staff", "3")
    page.bodies.add_row()
    type_text(QApplication.focusWidget(), "办公室")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.posts.add_row()
    type_text(QApplication.focusWidget(), "主席")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    edit_cell(qtbot, page.posts, 0, 1, "1")
    assert page.establishment_total.text() == "4 名"


def enter_work(qtbot, window):
    page = window.work_page
    window.show_page(window.page_index(page))
    fill(qtbot, page, "report.narratives.overall_work", "全年围绕中心工作，突出妇女儿童工作重点。")
    for title in ("巾帼宣讲进基层", "两癌筛查与救助"):
        page.tasks.add_row()
        type_text(QApplication.focusWidget(), title)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.tasks.select(0, 0)
    narrative = field(page, "report.tasks[0].narrative")
    type_text(narrative, "举办巾帼宣讲 3 场，参与 260 人次。")
    assert window.report.tasks[0].narrative == "举办巾帼宣讲 3 场，参与 260 人次。"


def enter_ledger(qtbot, window):
    page = window.ledger_page
    window.show_page(window.page_index(page))
    table = page.table
    rows = [
        ("2024-03-08", "宣讲", "三八节巾帼宣讲", "1", "120", "", "", "巾帼宣讲进基层"),
        ("2024-06-12", "宣讲", "巾帼宣讲进社区", "2", "140", "", "1500", "巾帼宣讲进基层"),
        ("2024-09-20", "筛查", "适龄妇女两癌筛查", "", "", "930", "2.5万", "两癌筛查与救助"),
    ]
    for day, kind, title, sessions, participants, beneficiaries, money, task in rows:
        table.add_row()
        row = table.model.rowCount() - 1
        # The date editor opened by 添加; the clerk types the date and moves on with Enter.
        editor = QApplication.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, day)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        choose_cell(qtbot, table, row, 1, kind)
        edit_cell(qtbot, table, row, 2, title)
        for column, value in ((3, sessions), (4, participants), (5, beneficiaries), (7, money)):
            if value:
                edit_cell(qtbot, table, row, column, value)
        if beneficiaries:
            choose_cell(qtbot, table, row, 6, "人")  # 受益单位, from its drop-down
        choose_cell(qtbot, table, row, 8, task)
    # Enter on the last row opened a new, empty row below, as a sheet does; going back up drops it.
    assert table.model.rowCount() == 4 and table.current_row() == 3
    qtbot.keyClick(table.view, Qt.Key.Key_Up)
    assert table.model.rowCount() == 3
    ledger = window.report.activities
    assert [a.title for a in ledger] == [r[2] for r in rows]
    assert ledger[2].money == Decimal("25000.00") and ledger[1].money == Decimal("1500.00")
    assert ledger[0].date == date(2024, 3, 8) and ledger[2].beneficiaries == 930
    assert [a.beneficiary_unit for a in ledger] == [None, None, BeneficiaryUnit.PERSON]
    # The totals under the ledger follow the lines entered (refreshed a moment after the last edit).
    def totals_of(column):
        return {page.totals.item(r, 0).text(): page.totals.item(r, column).text() for r in range(page.totals.rowCount())}

    qtbot.waitUntil(lambda: totals_of(4).get("两癌筛查与救助") == "930人", timeout=3000)
    totals = totals_of(4)
    assert totals["巾帼宣讲进基层"] == "" and totals["两癌筛查与救助"] == "930人"  # none entered: empty, not 0
    participants = {page.totals.item(r, 0).text(): page.totals.item(r, 3).text() for r in range(page.totals.rowCount())}
    assert participants["巾帼宣讲进基层"] == "260"
    # Search narrows the table; clearing it shows every line again.
    type_text(page.search, "筛查")
    assert page.proxy.rowCount() == 1
    page.search.clear()
    assert page.proxy.rowCount() == 3


def enter_finance(qtbot, window):
    page = window.finance_page
    window.show_page(window.page_index(page))
    page.income.add_row()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # keep 一般公共预算财政拨款收入
    edit_cell(qtbot, page.income, 0, 1, "1500000")
    page.income.add_row()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    choose_cell(qtbot, page.income, 1, 0, "其他收入")
    edit_cell(qtbot, page.income, 1, 1, "50万")
    assert page.income.model.index(0, 2).data() == "75%"
    assert page.income.model.index(1, 2).data() == "25%"
    assert "200万元" in page.income_total.text()
    fill(qtbot, page, "report.finance.expenditure.basic", "600000")
    fill(qtbot, page, "report.finance.expenditure.project", "1300000")
    assert "190万元" in page.expenditure_total.text()
    assert "31.6%" in page.expenditure_total.text() and "68.4%" in page.expenditure_total.text()
    fill(qtbot, page, "report.finance.carry_over_start", "0")
    # The clerk forgets the carry-over at the end: the balance says so while typing.
    assert "不平衡" in page.balance.text()
    fill(qtbot, page, "report.finance.budget.initial", "2000000")
    fill(qtbot, page, "report.finance.budget.adjusted", "2000000")
    fill(qtbot, page, "report.finance.budget.executed", "1900000")
    assert "95.00%" in page.execution.text()
    page.three_public.add_row()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    edit_cell(qtbot, page.three_public, 0, 1, "3000")
    edit_cell(qtbot, page.three_public, 0, 2, "2800")


def enter_projects(qtbot, window):
    page = window.projects_page
    window.show_page(window.page_index(page))
    page.list.add_row()
    type_text(QApplication.focusWidget(), "两癌救助项目")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    page.show_project(0)
    fill(qtbot, page, "report.projects[0].adjusted.current_year", "30000")
    fill(qtbot, page, "report.projects[0].executed.current_year", "28500")
    assert page.list.model.index(0, 4).data() == "95.00%"
    fill(qtbot, page, "report.projects[0].expected_goal", "救助困难妇女 15 名")
    fill(qtbot, page, "report.projects[0].actual_goal", "救助困难妇女 15 名，发放救助金 1.5 万元")
    indicators = page.indicators
    indicators.add_row()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    edit_cell(qtbot, indicators, 0, 1, "数量指标")
    edit_cell(qtbot, indicators, 0, 2, "救助人数")
    edit_cell(qtbot, indicators, 0, 4, "15")
    edit_cell(qtbot, indicators, 0, 5, "人")
    edit_cell(qtbot, indicators, 0, 7, "15")
    edit_cell(qtbot, indicators, 0, 10, "90")
    assert indicators.model.index(0, 12).data() == "90"
    assert "总分 99.5" in page.score.text() and "等级 优" in page.score.text()


def enter_evaluation(qtbot, window):
    page = window.evaluation_page
    window.show_page(window.page_index(page))
    fill(qtbot, page, "report.department_target.text", "履行妇联职能，服务妇女儿童。")
    table = page.indicators
    rows = [
        ("产出指标", "数量指标", "宣讲场次", ">=", "3", "场", "3", "50"),
        ("效益指标", "社会效益指标", "受益人数", ">=", "900", "人", "930", "30"),
        ("满意度指标", "服务对象满意度指标", "群众满意率", ">=", "90", "%", "85", "10"),
    ]
    for level1, level2, name, kind, target, unit, actual, weight in rows:
        table.add_row()
        row = table.model.rowCount() - 1
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        choose_cell(qtbot, table, row, 0, level1)
        edit_cell(qtbot, table, row, 1, level2)
        edit_cell(qtbot, table, row, 2, name)
        choose_cell(qtbot, table, row, 3, IndicatorKind(kind).symbol)
        edit_cell(qtbot, table, row, 4, target)
        edit_cell(qtbot, table, row, 5, unit)
        edit_cell(qtbot, table, row, 7, actual)
        edit_cell(qtbot, table, row, 10, weight)
    # 9.5 (95% of 10) + 50 + 30 + 85/90 × 10 = 98.94 → 优
    assert page.total.text() == "98.94"
    assert page.grade.text() == "优"


def enter_analysis(qtbot, window):
    page = window.analysis_page
    window.show_page(window.page_index(page))
    for attr, text in (
        ("budget_preparation", "预算编制科学合理。"),
        ("budget_execution", "预算执行进度符合要求。"),
        ("conclusion", "总体完成了年度目标。"),
    ):
        fill(qtbot, page, f"report.narratives.{attr}", text)
    page.achievements.add_row()
    type_text(QApplication.focusWidget(), "宣讲覆盖面扩大")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # The clerk clicks the achievement to write its text in the pane beside the list.
    view = page.achievements.view
    first = page.achievements.from_source(page.achievements.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first).center())
    type_text(field(page, "report.narratives.achievements[0].text"), "全年宣讲覆盖 12 个社区。")
    for table, text in ((page.problems, "基层妇联工作经费不足"), (page.measures, "积极争取专项经费")):
        table.add_row()
        type_text(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def export_and_check(qtbot, window, folder):
    """导出: preview inside the program, then Word and PDF written and read back by real readers."""
    page = window.export_page
    window.show_page(window.page_index(page))
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pdf_view.page_count > 0, timeout=20000)
    assert "尚未保存" in page.preview_label.text()
    page.folder_edit.setText(str(folder))
    page.xlsx_check.setChecked(True)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.outcome is not None, timeout=20000)
    outcome = page.outcome
    assert sorted(p.suffix for p in outcome.paths) == [".docx", ".pdf", ".xlsx"]
    assert page.open_folder_button.isEnabled() and page.open_file_button.isEnabled()
    window.activateWindow()  # the offscreen platform leaves the closed progress dialog active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return outcome


PASTED_LEDGER = "".join(
    f"2024-{month}-{day}\t宣讲\t巾帼宣讲进村第{n}站\t1\t{30 + n}\t\t\t{n}00\t巾帼宣讲进基层\r\n"
    for n, (month, day) in enumerate([(4, 2), (4, 16), (5, 7), (5, 21), (6, 4), (7, 9), (8, 13), (9, 10),
                                      (10, 15), (11, 5)], start=1))


def paste_ledger(qtbot, window):
    """Ten more rows copied from her own Excel sheet: Down past the last row, Home, Ctrl+V, 粘贴."""
    table = window.ledger_page.table
    table.select(table.model.rowCount() - 1, 0)
    qtbot.keyClick(table.view, Qt.Key.Key_Down)  # a new, empty row to paste into
    qtbot.keyClick(table.view, Qt.Key.Key_Home)
    QGuiApplication.clipboard().setText(PASTED_LEDGER)
    seen = {}

    def paste(dialog):
        seen["text"] = dialog.message.text()
        qtbot.mouseClick(dialog.paste_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, paste)
    qtbot.keyClick(table.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window.activateWindow()  # the offscreen platform leaves the closed dialog active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert "将粘贴 10 行（新增 9 行，改写 1 行）" in seen["text"]
    ledger = window.report.activities
    assert len(ledger) == 13 and ledger[12].title == "巾帼宣讲进村第10站" and ledger[12].money == Decimal("1000.00")
    assert ledger[3].date == date(2024, 4, 2) and ledger[3].task_key == window.report.tasks[0].key


def test_a_year_entered_through_the_forms_checked_fixed_and_kept(qtbot, window, db_locator, tmp_path):
    create_unit(qtbot, window)
    enter_profile(qtbot, window)
    enter_work(qtbot, window)
    enter_ledger(qtbot, window)
    paste_ledger(qtbot, window)
    enter_finance(qtbot, window)
    enter_projects(qtbot, window)
    enter_evaluation(qtbot, window)
    enter_analysis(qtbot, window)

    # 校验: the missing end-of-year carry-over breaks the balance; the clerk jumps to it and fixes it.
    window.run_checks()
    checks = window.checks_page
    window.show_page(window.page_index(checks))
    findings = checks.model.issues
    balance = next(i for i, f in enumerate(findings) if f.code.startswith("BAL"))
    target_field = findings[balance].field
    index = checks.model.index(balance, 2)
    checks.view.scrollTo(index)
    rect = checks.view.visualRect(index)
    # A real double-click is a press, a release and then the double-click event.
    qtbot.mouseClick(checks.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(checks.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is window.finance_page
    focused = QApplication.focusWidget()
    assert focused is not None and window.finance_page.isAncestorOf(focused)
    binding = window.finance_page.binder.binding_for(target_field)
    assert binding is not None and binding.widget is focused
    assert binding.message.isVisible() and binding.message.text()  # the message in place
    assert binding.widget.property("issue") == "error"
    fill(qtbot, window.finance_page, "report.finance.carry_over_end", "100000")
    assert "收支平衡" in window.finance_page.balance.text()
    window.run_checks()
    assert not any(f.code.startswith("BAL") for f in checks.model.issues)
    assert not binding.message.isVisible()
    assert "校验" in window.check_label.text()

    # A missing reason in a table cell: the cell is marked, and the jump opens it for typing.
    window.show_page(window.page_index(checks))
    row = next(i for i, f in enumerate(checks.model.issues) if f.code == "IND-010")
    path = checks.model.issues[row].field
    checks.view.setFocus()
    checks.view.setCurrentIndex(checks.model.index(row, 0))
    qtbot.keyClick(checks.view, Qt.Key.Key_Return)
    page = window.evaluation_page
    assert window.pages.currentWidget() is page
    cell = page.indicators.model.locate(path)
    assert cell == (2, 13)
    marked = page.indicators.model.index(*cell)
    assert marked.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "偏差原因" in marked.data(Qt.ItemDataRole.ToolTipRole)
    assert page.indicators.view.currentIndex().row() == 2 and page.indicators.view.currentIndex().column() == 13
    edit_cell(qtbot, page.indicators, 2, 13, "部分社区宣传不到位，下一年增加入户走访")
    qtbot.keyClick(page.indicators.view, Qt.Key.Key_Up)  # back from the empty row Enter opened: it goes
    window.run_checks()
    assert not any(f.code == "IND-010" for f in checks.model.issues)

    # Everything typed is in the database: open the file afresh, as after a restart.
    qtbot.wait(600)
    assert window.editor.save_state.value == "saved"
    with open_database(db_locator) as fresh:
        unit = fresh.units().find(UNIT)
        stored = fresh.reports().get(unit.id, 2024)
    assert stored.profile.short_name == "某某区妇联"
    assert stored.profile.leadership_posts[0].title == "主席" and stored.profile.leadership_posts[0].count == 1
    assert [t.title for t in stored.tasks] == ["巾帼宣讲进基层", "两癌筛查与救助"]
    assert len(stored.activities) == 13 and stored.activities[2].money == Decimal("25000.00")
    assert stored.finance.carry_over_end == Decimal("100000.00")
    assert stored.projects[0].indicators[0].actual == Decimal("15")
    assert len(stored.self_evaluation.indicators) == 3
    assert stored.problems == ["基层妇联工作经费不足"] and stored.measures == ["积极争取专项经费"]
    assert stored.narratives.achievements[0].text == "全年宣讲覆盖 12 个社区。"

    # 导出 with the errors left (two narratives missing): a draft, Word and PDF, readable by their readers.
    outcome = export_and_check(qtbot, window, tmp_path / "导出")
    assert outcome.draft and outcome.errors > 0
    assert "草稿" in window.export_page.result_label.text()
    import subprocess

    import docx

    word = docx.Document(str(next(p for p in outcome.paths if p.suffix == ".docx")))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "某某区妇联" in text and "巾帼宣讲进基层" in text and "基层妇联工作经费不足" in text
    pdf = next(p for p in outcome.paths if p.suffix == ".pdf")
    pdf_text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # What was typed and pasted is in the PDF: the ledger's 12 activities for the first task (2 typed,
    # 10 pasted), 120 + 140 + 31…40 = 615 人次, 1,500 + 100…1,000 = 7,000 元.
    flat = "".join(pdf_text.split())
    assert "全年开展相关活动12项，共13场（期），参与615人次，涉及资金0.7万元" in flat
    assert "某某区妇联" in pdf_text and "草稿" in pdf_text
    import openpyxl

    workbook = openpyxl.load_workbook(next(p for p in outcome.paths if p.suffix == ".xlsx"))
    cells = [str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("一般公共预算财政拨款收入" in c for c in cells)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())  # all embedded

    # Fill the two missing narratives by jumping to them, and the next export is final.
    window.run_checks()
    errors = [f for f in window.issues if f.severity == "error"]
    assert {f.code for f in errors} == {"STR-002", "NAR-001"}
    for finding in errors:
        assert window.go_to_field(finding.field), finding.field
        focused = QApplication.focusWidget()
        if finding.code == "STR-002":  # the project's table has no 效益 indicator: add one
            table = window.projects_page.indicators
            assert focused is table.view
            table.add_row()
            row = table.model.rowCount() - 1
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
            choose_cell(qtbot, table, row, 0, "效益指标")
            edit_cell(qtbot, table, row, 2, "困难妇女生活改善")
            choose_cell(qtbot, table, row, 3, "定性")
            choose_cell(qtbot, table, row, 9, "达成")
            edit_cell(qtbot, table, row, 10, "10")
            edit_cell(qtbot, table, row, 11, "9")
            edit_cell(qtbot, table, 0, 10, "80")  # so that 10 + 80 + 10 = 100
            assert "总分 98.5" in window.projects_page.score.text()
        else:
            assert isinstance(focused, QPlainTextEdit)
            type_text(focused, "已按要求完成。")
    window.run_checks()
    assert not [i for i in window.issues if i.severity == "error"], [f.message for f in window.issues if f.severity == "error"]
    outcome = export_and_check(qtbot, window, tmp_path / "定稿")
    assert not outcome.draft
    assert all("草稿" not in p.name for p in outcome.paths)


def test_ledger_filters_by_kind_and_task_and_follows_new_tasks(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    page = window.ledger_page
    window.show_page(window.page_index(page))
    report = window.report
    total = len(report.activities)
    kind = report.activities[0].kind
    page.kind_filter.setCurrentIndex(page.kind_filter.findText(kind))
    page.kind_filter.activated.emit(page.kind_filter.currentIndex())
    assert page.proxy.rowCount() == sum(1 for a in report.activities if a.kind == kind)
    assert "显示" in page.count_label.text()
    task = report.tasks[1]
    page.task_filter.setCurrentIndex(page.task_filter.findText(task.title))
    page.task_filter.activated.emit(page.task_filter.currentIndex())
    assert page.proxy.rowCount() == sum(1 for a in report.activities if a.kind == kind and a.task_key == task.key)
    window.work_page.tasks.add_row()
    type_text(QApplication.focusWidget(), "新增的任务")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.task_filter.findText("新增的任务") > 0
    assert page.task_filter.currentText() == task.title  # the chosen filter stays
    page.kind_filter.setCurrentIndex(0)
    page.task_filter.setCurrentIndex(0)
    page.task_filter.activated.emit(0)
    assert page.proxy.rowCount() == total
    # Sorting by 金额 puts the largest amounts first.
    page.table.view.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    first = page.table.to_source(page.proxy.index(0, 0)).row()
    assert report.activities[first].money == max(a.money or 0 for a in report.activities)
